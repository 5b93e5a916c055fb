import Foundation

extension APIOperation {
    /// The path placeholder that names a product, as in `/product/202309/products/{product_id}`.
    public static let productIDParameter = "product_id"

    /// The value a path gives a placeholder of this operation's template, if the template has it
    /// and the path fits the template.
    public func pathParameter(_ name: String, in path: String) -> String? {
        let template = pathTemplate.split(separator: "/")
        let segments = path.split(separator: "/")
        guard template.count == segments.count else { return nil }
        return zip(template, segments).first { $0.0 == "{\(name)}" }.map { String($0.1) }
    }

    /// The template with its placeholders filled: `/product/202309/products/17` for
    /// `[product_id: "17"]`.
    public func path(_ parameters: [String: String]) -> String {
        parameters.reduce(pathTemplate) { path, parameter in path.replacingOccurrences(of: "{\(parameter.key)}", with: parameter.value) }
    }

    /// Whether the template has a placeholder.
    public func hasPathParameter(_ name: String) -> Bool {
        pathTemplate.contains("{\(name)}")
    }
}
