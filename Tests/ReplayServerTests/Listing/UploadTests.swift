import Foundation
import NIOHTTP1
import ReplayServer
import Scenarios
import Testing

/// Upload Product Image and Upload Product File: multipart bodies, not signed, not shop-scoped;
/// the uri an image upload answers is one Create Product takes.
@Suite("Uploads: product images and files")
struct UploadTests {
    static let boundary = "----tts-replay-test-7MA4YWxkTrZu0gW"

    /// The header of a PNG image of this size: enough for the server, which reads no pixels.
    static func png(width: UInt32, height: UInt32) -> [UInt8] {
        func bigEndian(_ value: UInt32) -> [UInt8] { (0..<4).map { UInt8(truncatingIfNeeded: value >> (24 - 8 * $0)) } }
        return [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] + Array("IHDR".utf8) + bigEndian(width) + bigEndian(height)
            + [8, 2, 0, 0, 0] + [UInt8](repeating: 0, count: 64)
    }

    /// A multipart body with these fields, each `(name, filename, bytes)`.
    static func form(_ fields: [(String, String?, [UInt8])]) -> [UInt8] {
        var body: [UInt8] = []
        for (name, filename, bytes) in fields {
            var head = "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\""
            if let filename { head += "; filename=\"\(filename)\"\r\nContent-Type: application/octet-stream" }
            body += Array((head + "\r\n\r\n").utf8) + bytes + Array("\r\n".utf8)
        }
        return body + Array("--\(boundary)--\r\n".utf8)
    }

    static func upload(_ client: SignedClient, _ path: String, _ body: [UInt8], contentType: String? = nil) async throws -> Answer {
        var options = SignedClient.Options()
        options.contentType = contentType ?? "multipart/form-data; boundary=\(boundary)"
        return try await client.send(.POST, path, bytes: body, options: options)
    }

    @Test func anImageUploadAnswersItsSizeAndAUriThatCreateProductTakes() async throws {
        try await withReplayServer(scenario: Scenario.default) { server in
            let fixture = try ListingFixture(server)
            let image = Self.png(width: 800, height: 600)
            let body = Self.form([("data", "jumper.png", image), ("use_case", nil, Array("MAIN_IMAGE".utf8))])
            let uploaded = try await Self.upload(fixture.client, "/product/202309/images/upload", body).data
            let uri = try #require(uploaded["uri"]?.string)
            #expect(uploaded["width"] == .number(800) && uploaded["height"] == .number(600))
            #expect(uploaded["use_case"]?.string == "MAIN_IMAGE")
            #expect(uploaded["url"]?.string?.contains(uri) == true)

            let again = try await Self.upload(fixture.client, "/product/202309/images/upload", body).data
            #expect(again["uri"]?.string == uri, "the same image gives the same uri")

            let leaf = try fixture.leaf(.v2)
            var create = fixture.validBody(for: leaf, version: .v2, title: "Uploaded image")
            create["main_images"] = [["uri": uri]]
            let created = try await fixture.client.call(.POST, "/product/202309/products", json: create).data
            let productID = try #require(created["product_id"]?.string)
            let product = try await fixture.client.call(.GET, "/product/202309/products/\(productID)").data
            #expect(product["main_images"]?[0]?["uri"]?.string == uri)
        }
    }

    /// An image upload that must be refused.
    struct BadUpload: Sendable, CustomTestStringConvertible {
        var name: String
        var body: [UInt8]
        var contentType: String? = nil
        var code = 98001004
        var testDescription: String { name }
    }

    @Test(arguments: [
        BadUpload(name: "not multipart", body: Array(#"{"data": "x"}"#.utf8), contentType: "application/json", code: 36009023),
        BadUpload(name: "no data part", body: UploadTests.form([("use_case", nil, Array("MAIN_IMAGE".utf8))])),
        BadUpload(name: "not an image", body: UploadTests.form([("data", "a.gif", Array("GIF89a, not accepted".utf8))])),
        BadUpload(name: "too small", body: UploadTests.form([("data", "a.png", UploadTests.png(width: 99, height: 600))])),
        BadUpload(name: "too large", body: UploadTests.form([("data", "a.png", UploadTests.png(width: 800, height: 20_001))])),
        BadUpload(
            name: "unknown use case",
            body: UploadTests.form([("data", "a.png", UploadTests.png(width: 800, height: 800)), ("use_case", nil, Array("BANNER".utf8))])
        ),
        BadUpload(
            name: "no closing boundary",
            body: Array(UploadTests.form([("data", "a.png", UploadTests.png(width: 800, height: 800))]).dropLast(30))
        ),
    ])
    func aBadImageUploadIsRefusedWithItsReason(_ upload: BadUpload) async throws {
        try await withReplayServer(scenario: Scenario.default) { server in
            let answer = try await Self.upload(
                SignedClient(server: server),
                "/product/202309/images/upload",
                upload.body,
                contentType: upload.contentType
            )
            let envelope = try answer.envelope
            #expect(envelope.code == upload.code, "\(envelope.message)")
        }
    }

    @Test func theMultipartBodyIsNotSigned() async throws {
        try await withReplayServer(scenario: Scenario.default) { server in
            let client = SignedClient(server: server)
            var options = SignedClient.Options()
            options.contentType = "multipart/form-data; boundary=\(Self.boundary)"
            // Signed as if the body were part of the signature: the gateway must refuse it.
            let body = Self.form([("data", "a.png", Self.png(width: 800, height: 800))])
            let timestamp = Int(Date().timeIntervalSince1970)
            options.timestamp = timestamp
            options.sign = RequestSignature.sign(
                path: "/product/202309/images/upload",
                query: ["app_key": server.credentials.appKey, "timestamp": "\(timestamp)"],
                body: body,
                appSecret: server.credentials.appSecret
            )
            let wronglySigned = try await client.send(.POST, "/product/202309/images/upload", bytes: body, options: options)
            #expect(try wronglySigned.envelope.code == 106001)
            let signedWithoutTheBody = try await client.send(
                .POST,
                "/product/202309/images/upload",
                bytes: body,
                options: SignedClient.Options(contentType: options.contentType)
            )
            #expect(signedWithoutTheBody.status == 200)
        }
    }

    @Test func aFileUploadAnswersAnIDAndItsFormat() async throws {
        try await withReplayServer(scenario: Scenario.default) { server in
            let client = SignedClient(server: server)
            let pdf = Array("%PDF-1.7\n% a certificate\n".utf8)
            let body = Self.form([("data", "certificate.pdf", pdf), ("name", nil, Array("certificate.pdf".utf8))])
            let uploaded = try await Self.upload(client, "/product/202309/files/upload", body).data
            #expect(uploaded["id"]?.string?.count == 19)
            #expect(uploaded["format"]?.string == "PDF")
            #expect(uploaded["name"]?.string == "certificate.pdf")
            let again = try await Self.upload(client, "/product/202309/files/upload", body).data
            #expect(again["id"] == uploaded["id"])

            let badName = Self.form([("data", "x.pdf", pdf), ("name", nil, Array(".certificate.final.pdf".utf8))])
            #expect(try await Self.upload(client, "/product/202309/files/upload", badName).envelope.code == 98001004)
            let notPDF = Self.form([("data", "x.pdf", Array("plain text".utf8)), ("name", nil, Array("certificate.pdf".utf8))])
            let refused = try await Self.upload(client, "/product/202309/files/upload", notPDF).envelope
            #expect(refused.message.contains("not a PDF"))
        }
    }
}
