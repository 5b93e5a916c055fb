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

    /// 98001004 with its documented text: "Parameter {name} is invalid. Reason: {reason}.
    /// Expected: {expected}".
    static func invalidParameter(_ name: String, reason: String, expected: String) -> APIError {
        parameterRejected.filling(["param_name": name, "reason": reason, "expected_value": expected])
    }
}
