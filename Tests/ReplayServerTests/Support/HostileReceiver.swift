import Foundation
import NIOCore
import NIOPosix
import Synchronization

/// A webhook receiver that misbehaves on purpose, scripted on a raw socket (127.0.0.1, port 0):
/// it reads each request whole, then answers (or fails to) the way its script says, one
/// behaviour per connection in order, the last one repeating.
final class HostileReceiver: Sendable {
    /// What to do with one connection once its request has arrived.
    enum Behaviour: Sendable {
        /// `HTTP/1.1 200 OK` with `Content-Length: 20`, then nothing until the client goes away.
        case headThenSilence
        /// The same head, then the 20 body bytes one at a time, `interval` apart.
        case trickle(interval: Duration)
        /// The same head, then 3 of the 20 body bytes, then close.
        case truncate
        /// A complete 200 with no `Connection: close`, then close after `after` without reading
        /// anything more: a keep-alive connection that dies under a client that reuses it.
        case answerThenClose(after: Duration)
        /// A complete answer with this status, `Connection: close`, then close.
        case answer(Int)
    }

    /// One request as it arrived.
    struct Request: Sendable {
        /// The request line and headers, as sent.
        var head: String
        var body: [UInt8]

        /// The value of a header (first of its name, case-insensitive).
        func header(_ name: String) -> String? {
            for line in head.split(separator: "\r\n").dropFirst() {
                let parts = line.split(separator: ":", maxSplits: 1)
                if parts.count == 2, parts[0].lowercased() == name.lowercased() {
                    return parts[1].trimmingCharacters(in: .whitespaces)
                }
            }
            return nil
        }
    }

    /// `http://127.0.0.1:PORT/webhooks`.
    let url: String
    private let script: [Behaviour]
    private struct State {
        var requests: [Request] = []
        var connections = 0
        var waiters: [(count: Int, continuation: CheckedContinuation<Void, Never>)] = []
    }

    private let state = Mutex(State())

    private init(url: String, script: [Behaviour]) {
        self.url = url
        self.script = script
    }

    /// The requests received so far, in order.
    var requests: [Request] { state.withLock { $0.requests } }
    /// The connections accepted so far.
    var connections: Int { state.withLock { $0.connections } }

    /// Waits until `count` requests have arrived, at most `timeout`.
    ///
    /// - Returns: Whether they did.
    func awaitRequests(_ count: Int = 1, timeout: Duration = .seconds(30)) async -> Bool {
        await withTaskGroup(of: Bool.self) { group in
            group.addTask {
                await withCheckedContinuation { continuation in
                    let ready = self.state.withLock { state -> Bool in
                        if state.requests.count >= count { return true }
                        state.waiters.append((count, continuation))
                        return false
                    }
                    if ready { continuation.resume() }
                }
                return true
            }
            group.addTask {
                try? await Task.sleep(for: timeout)
                return false
            }
            let first = await group.next() ?? false
            group.cancelAll()
            if !first {
                // Wake the waiter so that the group can end.
                let stale = state.withLock { state in
                    defer { state.waiters.removeAll() }
                    return state.waiters.map(\.continuation)
                }
                for continuation in stale { continuation.resume() }
            }
            _ = await group.next()
            return first
        }
    }

    /// Runs `body` with a receiver listening; stops it (closing every connection) afterwards.
    static func with<T>(_ script: [Behaviour], _ body: (HostileReceiver) async throws -> T) async throws -> T {
        let server = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .bind(host: "127.0.0.1", port: 0) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        let port = server.channel.localAddress?.port ?? 0
        let receiver = HostileReceiver(url: "http://127.0.0.1:\(port)/webhooks", script: script)
        let serving = Task {
            try? await server.executeThenClose { connections in
                try await withThrowingDiscardingTaskGroup { group in
                    for try await connection in connections {
                        let index = receiver.state.withLock { state in
                            state.connections += 1
                            return state.connections - 1
                        }
                        group.addTask { try? await receiver.serve(connection, as: script[min(index, script.count - 1)]) }
                    }
                }
            }
        }
        do {
            let result = try await body(receiver)
            serving.cancel()
            await serving.value
            return result
        } catch {
            serving.cancel()
            await serving.value
            throw error
        }
    }

    // MARK: - Private

    private static let head = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 20\r\n\r\n"

    private func serve(_ connection: NIOAsyncChannel<ByteBuffer, ByteBuffer>, as behaviour: Behaviour) async throws {
        try await connection.executeThenClose { inbound, outbound in
            var iterator = inbound.makeAsyncIterator()
            guard let request = try await Self.readRequest(&iterator) else { return }
            let ready = state.withLock { state in
                state.requests.append(request)
                let count = state.requests.count
                defer { state.waiters.removeAll { $0.count <= count } }
                return state.waiters.filter { $0.count <= count }.map(\.continuation)
            }
            for continuation in ready { continuation.resume() }
            switch behaviour {
            case .headThenSilence:
                try await outbound.write(ByteBuffer(string: Self.head))
                while try await iterator.next() != nil {}
            case .trickle(let interval):
                try await outbound.write(ByteBuffer(string: Self.head))
                for byte in Array("abcdefghijklmnopqrst".utf8) {
                    try await Task.sleep(for: interval)
                    try await outbound.write(ByteBuffer(bytes: [byte]))
                }
                while try await iterator.next() != nil {}
            case .truncate:
                try await outbound.write(ByteBuffer(string: Self.head + "abc"))
            case .answerThenClose(let after):
                try await outbound.write(ByteBuffer(string: "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"))
                try await Task.sleep(for: after)
            case .answer(let status):
                try await outbound.write(ByteBuffer(string: "HTTP/1.1 \(status) Answer\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"))
            }
        }
    }

    /// Reads a head and a `Content-Length` body; nil when the client closes first.
    private static func readRequest(_ iterator: inout NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator) async throws -> Request? {
        var bytes: [UInt8] = []
        let separator = Array("\r\n\r\n".utf8)
        var headEnd: Int?
        while true {
            if headEnd == nil, let range = bytes.firstRange(of: separator) { headEnd = range.upperBound }
            if let headEnd {
                let head = String(decoding: bytes[..<headEnd], as: UTF8.self)
                let length = Request(head: head, body: []).header("content-length").flatMap { Int($0) } ?? 0
                if bytes.count - headEnd >= length {
                    return Request(head: head, body: Array(bytes[headEnd..<(headEnd + length)]))
                }
            }
            guard let chunk = try await iterator.next() else { return nil }
            bytes += chunk.readableBytesView
        }
    }
}
