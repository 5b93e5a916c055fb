import Foundation
import Scenarios

extension ProductDraft {
    /// The draft a request's body holds.
    ///
    /// - Throws: 36009004 "invalid param error" when a field has the wrong JSON type or the
    ///   body is not an object.
    init(request: SimulatorRequest) throws(APIError) {
        do {
            self = try JSONDecoder().decode(ProductDraft.self, from: Data(request.rawBody.isEmpty ? Array("{}".utf8) : request.rawBody))
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
            let path = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            let field = path.hasPrefix(".") ? String(path.dropFirst()) : path
            throw APIError.invalidProductInput.detailed("(`\(field)` has the wrong type)")
        } catch {
            throw APIError.invalidProductInput.detailed("(the body does not fit Create Product)")
        }
    }
}
