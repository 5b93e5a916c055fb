import Foundation

extension APIError {
    /// The same error with its `{{name}}` placeholders filled, as TikTok fills them.
    ///
    /// A placeholder without a value is left as written, so a missing value shows in a test.
    func filling(_ values: KeyValuePairs<String, String>) -> APIError {
        var message = self.message
        for (name, value) in values {
            message = message.replacingOccurrences(of: "{{\(name)}}", with: value)
        }
        return APIError(code: code, httpStatus: httpStatus, message: message)
    }
}
