public import Hummingbird
public import HummingbirdCore
public import Logging
import NIOCore
import ServiceLifecycle

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A Hummingbird application bound to a socket, started and stopped as one piece: what the
/// fake server and the recorder both run on, and what tests run their own receivers on
/// (`@_spi(Testing)`: not part of the public API).
@_spi(Testing)
public struct Listener: Sendable {
    /// The port bound (the system's pick when asked for 0).
    public let port: Int
    private let serviceGroup: ServiceGroup
    private let running: Task<Void, any Error>

    /// Binds and returns once connections are accepted.
    ///
    /// - Throws: ``ReplayServerError/couldNotBind(host:port:reason:)`` when the address cannot be bound.
    public static func start<Responder: HTTPResponder>(
        responder: Responder,
        server: HTTPServerBuilder = .http1(),
        host: String,
        port: Int,
        logger: Logger
    ) async throws -> Listener where Responder.Context: InitializableFromSource<ApplicationRequestContextSource> {
        let (ports, portContinuation) = AsyncStream<Int?>.makeStream()
        let application = Application(
            responder: responder,
            server: server,
            configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: "tts-replay"),
            onServerRunning: { channel in
                portContinuation.yield(channel.localAddress?.port)
                portContinuation.finish()
            },
            logger: logger
        )
        let serviceGroup = ServiceGroup(configuration: .init(services: [application], gracefulShutdownSignals: [], logger: logger))
        let running = Task {
            defer { portContinuation.finish() }
            try await serviceGroup.run()
        }
        var iterator = ports.makeAsyncIterator()
        guard let bound = await iterator.next() ?? nil else {
            do {
                try await running.value
                throw ReplayServerError.couldNotBind(host: host, port: port, reason: "the server stopped before it listened")
            } catch let error as ReplayServerError {
                throw error
            } catch let error as IOError {
                throw ReplayServerError.couldNotBind(host: host, port: port, reason: Self.reason(error))
            } catch {
                throw ReplayServerError.couldNotBind(host: host, port: port, reason: "\(error)")
            }
        }
        return Listener(port: bound, serviceGroup: serviceGroup, running: running)
    }

    /// Why a bind failed, in words: NIO's own description names the system call and has a stray `)`.
    private static func reason(_ error: IOError) -> String {
        switch error.errnoCode {
        case EADDRINUSE: "the port is already in use (is another server listening on it?)"
        case EADDRNOTAVAIL: "the address is not one of this machine's"
        case EACCES: "permission denied (ports below 1024 need privileges)"
        default: "\(String(cString: strerror(error.errnoCode))) (errno \(error.errnoCode))"
        }
    }

    /// The base URL for a server bound to `host`, such as `http://127.0.0.1:49152` (IPv6 hosts in
    /// brackets; a wildcard address is called on loopback, see ``clientHost(forBound:)``).
    public func baseURL(host: String) -> String {
        let called = Self.clientHost(forBound: host)
        return "http://\(called.contains(":") ? "[\(called)]" : called):\(port)"
    }

    /// The host a client on this machine calls for a server bound to `host`: loopback for the
    /// wildcard addresses (`0.0.0.0` calls `127.0.0.1`, `::` calls `::1`), `host` itself otherwise.
    public static func clientHost(forBound host: String) -> String {
        switch canonical(host) {
        case "0.0.0.0": "127.0.0.1"
        case "::": "::1"
        default: host
        }
    }

    /// Whether `host` names this machine's loopback only (`127.0.0.0/8`, `::1`, `localhost`).
    /// A host name other than `localhost` counts as reachable from other machines.
    public static func isLoopback(_ host: String) -> Bool {
        if host == "localhost" { return true }
        guard let address = canonical(host) else { return false }
        return address.hasPrefix("127.") || address == "::1" || address.hasPrefix("::ffff:127.")
    }

    /// An IP address as the system writes it (`0:0::0` reads `::`); nil for a host name.
    private static func canonical(_ host: String) -> String? {
        (try? SocketAddress(ipAddress: host, port: 0))?.ipAddress
    }

    /// Stops accepting connections and finishes the requests in flight.
    public func stop() async throws {
        await serviceGroup.triggerGracefulShutdown()
        try await running.value
    }
}
