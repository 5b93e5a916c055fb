import Foundation
import ReplayJournal
import ReplayServer
import Testing

/// A request written as raw bytes (for what a client library would refuse to send), and the
/// answer it must get.
struct RawRequestCase: CustomTestStringConvertible, Sendable {
    var name: String
    var request: [UInt8]
    var status: Int
    var code: Int
    /// The envelope's message, when the case checks it.
    var message: String? = nil

    var testDescription: String { name }

    /// A GET of `target` that closes the connection after its answer.
    static func get(_ target: String, headers: String = "") -> [UInt8] {
        Array("GET \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\(headers)\r\n".utf8)
    }

    /// Sends the request on a connection of its own and expects the case's answer: status,
    /// envelope code (and message), and one journal entry with that status.
    func expectAnswer(from server: ReplayServer) async throws {
        let port = try #require(server.baseURL.port)
        let answer = try await RawHTTP.exchange(request, port: port)
        #expect(RawHTTP.status(of: answer) == status, "\(answer.prefix(300))")
        let envelope = try JSONDecoder().decode(Answer.Envelope.self, from: Data(RawHTTP.body(of: answer).utf8))
        #expect(envelope.code == code)
        if let message { #expect(envelope.message == message) }
        #expect(try await server.journal.entries().first?.responseStatus == status)
    }
}
