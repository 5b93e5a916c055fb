import Hummingbird
import Logging
import NIOCore

/// The request context of the fake: Hummingbird's basics plus the connection, so a stub can
/// hang up instead of answering.
struct ReplayRequestContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    /// The connection the request came on.
    let channel: any Channel

    init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.channel = source.channel
    }
}
