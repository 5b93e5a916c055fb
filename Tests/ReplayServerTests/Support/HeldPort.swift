import Glibc

/// A loopback port held by the test until ``close()``, so that no other test's server can be
/// given it meanwhile (a port bound and closed again could be): refusing every connection (bound,
/// not listening), or silent (listening, never accepting: a connection opens into the backlog
/// and no answer ever comes).
final class HeldPort: Sendable {
    /// The port number.
    let port: Int
    private let descriptor: Int32

    /// - Parameter silent: Listen without ever accepting, instead of refusing.
    init(silent: Bool = false) throws {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw Failure(call: "socket") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { address in
                bind(descriptor, address, length) == 0 && getsockname(descriptor, address, &length) == 0
            }
        }
        guard bound, !silent || listen(descriptor, 64) == 0 else {
            Glibc.close(descriptor)
            throw Failure(call: "bind")
        }
        self.descriptor = descriptor
        self.port = Int(UInt16(bigEndian: address.sin_port))
    }

    /// Frees the port.
    func close() {
        Glibc.close(descriptor)
    }

    struct Failure: Error {
        var call: String
    }
}
