import Foundation
import NIOCore
import NIOPosix

/// Sends bytes that no well-behaved HTTP client would send and reads the answer until the
/// server closes the connection (the requests ask for `Connection: close`).
enum RawHTTP {
    /// - Parameters:
    ///   - closingOutput: Whether the client closes its side once the bytes are sent.
    ///   - limit: How long the server has to close: past it, the client closes, and what came is
    ///     returned (a server that hangs fails the caller's expectations, not the whole run).
    static func exchange(
        _ bytes: [UInt8],
        port: Int,
        closingOutput: Bool = false,
        within limit: TimeAmount = .seconds(30)
    ) async throws
        -> String
    {
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connect(host: "127.0.0.1", port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try NIOAsyncChannel<ByteBuffer, ByteBuffer>(
                        wrappingChannelSynchronously: channel,
                        configuration: .init(isOutboundHalfClosureEnabled: closingOutput)
                    )
                }
            }
        let deadline = channel.channel.eventLoop.scheduleTask(in: limit) { channel.channel.close(promise: nil) }
        defer { deadline.cancel() }
        return try await channel.executeThenClose { inbound, outbound in
            try await outbound.write(ByteBuffer(bytes: bytes))
            if closingOutput { outbound.finish() }
            var received = ByteBuffer()
            do {
                for try await var chunk in inbound {
                    received.writeBuffer(&chunk)
                }
            } catch  where !channel.channel.isActive {
                // Closed at the limit, or reset by the server: what came is the answer.
            }
            return String(decoding: received.readableBytesView, as: UTF8.self)
        }
    }

    /// The status code of a raw HTTP answer, 0 when there is none.
    static func status(of answer: String) -> Int {
        let parts = answer.split(separator: " ", maxSplits: 2)
        return parts.count >= 2 ? Int(parts[1]) ?? 0 : 0
    }

    /// The body of a raw HTTP answer.
    static func body(of answer: String) -> String {
        guard let range = answer.range(of: "\r\n\r\n") else { return "" }
        return String(answer[range.upperBound...])
    }
}
