import Hummingbird

/// The server's single responder: `/__admin/` requests to the admin API, everything else to the
/// TikTok Shop API. Routing inside the API follows the operation table, not Hummingbird's router,
/// so unknown paths and wrong methods get TikTok's own errors.
struct ReplayResponder: HTTPResponder {
    typealias Context = ReplayRequestContext

    let api: APIResponder
    let admin: AdminResponder

    func respond(to request: Request, context: Context) async throws -> Response {
        if request.uri.path.hasPrefix(AdminResponder.prefix) {
            return await admin.respond(to: request)
        }
        return await api.respond(to: request, channel: context.channel)
    }
}
