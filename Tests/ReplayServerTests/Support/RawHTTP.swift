import Foundation
import NIOCore
import NIOPosix

/// Sends bytes that no well-behaved HTTP client would send and reads the answer until the
/// server closes the connection (the requests ask for `Connection: close`).
enum RawHTTP {
    /// - Parameter closingOutput: Whether the client closes its side once the bytes are sent.
    static func exchange(_ bytes: [UInt8], port: Int, closingOutput: Bool = false) async throws -> String {
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connect(host: "127.0.0.1", port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try NIOAsyncChannel<ByteBuffer, ByteBuffer>(
                        wrappingChannelSynchronously: channel,
                        configuration: .init(isOutboundHalfClosureEnabled: closingOutput)
                    )
                }
            }
        return try await channel.executeThenClose { inbound, outbound in
            try await outbound.write(ByteBuffer(bytes: bytes))
            if closingOutput { outbound.finish() }
            var received = ByteBuffer()
            for try await var chunk in inbound {
                received.writeBuffer(&chunk)
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
