import Crypto
import Foundation
import ReplayJournal
import Testing

@testable import ReplayServer

@Suite("Signatures")
struct SignatureTests {
    @Test func officialRequestVector() {
        let sign = RequestSignature.sign(
            path: "/authorization/202309/shops",
            query: ["app_key": "29a39d", "timestamp": "1623812664"],
            appSecret: "e59af819cc"
        )
        #expect(sign == "b596b73e0cc6de07ac26f036364178ab16b0a907af13d43f0a0cd2345f582dc8")
    }

    @Test func officialWebhookVector() {
        let body =
            #"{"type":1,"tts_notification_id":"7380066284010030890","shop_id":"7495540735365777507","timestamp":1718305585,"data":{"is_on_hold_order":true,"order_id":"576653688135258178","order_status":"UNPAID","update_time":1718305585}}"#
        let signature = WebhookSignature.sign(body: Array(body.utf8), appKey: "abcdef", appSecret: "123")
        #expect(signature == "5dec0f11ec2f6783b8deee53c9ffbf8d024302f7c7e7fa55a35d17629031ac05")
        #expect(WebhookSignature.isValid(signature.uppercased(), body: Array(body.utf8), appKey: "abcdef", appSecret: "123"))
        #expect(!WebhookSignature.isValid(signature, body: Array((body + " ").utf8), appKey: "abcdef", appSecret: "123"))
    }

    /// The documented base string of a signed request with a body: the query sorted, `sign`
    /// and `access_token` left out, the body appended, all wrapped in the secret.
    @Test func bodyIsAppendedAfterTheSortedQuery() {
        let secret = "s3cr3t"
        let body = #"{"address":"https://partner.tiktokshop.com","event_type":"PACKAGE_UPDATE"}"#
        let base = "/event/202309/webhooksapp_key68xu9ks5p4i8shop_cipherROW_xkMbgAAAeVAQra0eZWebFQq5aIKttimestamp1696909648" + body
        let expected = HMAC<SHA256>.authenticationCode(for: Array((secret + base + secret).utf8), using: SymmetricKey(data: Array(secret.utf8)))
            .map { String(format: "%02x", $0) }.joined()
        let sign = RequestSignature.sign(
            path: "/event/202309/webhooks",
            query: [
                "timestamp": "1696909648", "shop_cipher": "ROW_xkMbgAAAeVAQra0eZWebFQq5aIKt", "app_key": "68xu9ks5p4i8",
                "sign": "ignored", "access_token": "ignored",
            ],
            body: Array(body.utf8),
            appSecret: secret
        )
        #expect(sign == expected)
        #expect(
            RequestSignature.sign(
                path: "/event/202309/webhooks",
                query: ["app_key": "68xu9ks5p4i8"],
                body: Array(body.utf8),
                isMultipart: true,
                appSecret: secret
            )
                == RequestSignature.sign(path: "/event/202309/webhooks", query: ["app_key": "68xu9ks5p4i8"], appSecret: secret)
        )
    }

    /// The signer's HMAC, computed from keyed hash states made once, is swift-crypto's HMAC for
    /// keys shorter than, as long as and longer than SHA-256's block (a longer key is hashed
    /// first), and for messages of any length.
    @Test func theKeyedStatesGiveSwiftCryptosHMAC() {
        for keyLength in [0, 1, 10, 63, 64, 65, 200] {
            let secret = String((0..<keyLength).map { Character(UnicodeScalar(UInt8(0x21 + $0 % 90))) })
            let key = RequestSignature.Key(appSecret: secret)
            for messageLength in [0, 1, 55, 64, 119, 1_000] {
                let message = (0..<messageLength).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ keyLength) }
                let expected = HMAC<SHA256>.authenticationCode(for: message, using: SymmetricKey(data: Array(secret.utf8)))
                    .map { String(format: "%02x", $0) }.joined()
                #expect(key.hex(of: message) == expected, "key \(keyLength) bytes, message \(messageLength)")
            }
        }
    }

    /// Pairs are signed sorted by name; pairs of one name keep the order they came in.
    @Test func repeatedNamesKeepTheirOrder() {
        let key = RequestSignature.Key(appSecret: "s3cr3t")
        let signed = RequestSignature.sign(
            path: "/p",
            pairs: [("b", "2"), ("a", "x"), ("sign", "s"), ("a", "y"), ("access_token", "t")],
            body: [UInt8](),
            isMultipart: false,
            key: key
        )
        #expect(signed == key.hex(of: Array("s3cr3t/paxayb2s3cr3t".utf8)))
    }

    /// The gateway's check compares a sent sign with the expected bytes: either case of the
    /// right sign passes; any other text, a digit off, or a length off does not.
    @Test func aSignIsCheckedAgainstTheExpectedBytes() {
        let key = RequestSignature.Key(appSecret: "s3cr3t")
        let pairs: [(name: String, value: String)] = [("b", "2"), ("a", "x")]
        let body = Array(#"{"k":1}"#.utf8)
        let signed = RequestSignature.sign(path: "/p", pairs: pairs, body: body, isMultipart: false, key: key)
        func isSign(_ given: String, isMultipart: Bool = false) -> Bool {
            RequestSignature.isSign(given, path: "/p", pairs: pairs, body: body, isMultipart: isMultipart, key: key)
        }
        #expect(isSign(signed))
        #expect(isSign(signed.uppercased()))
        #expect(!isSign(signed, isMultipart: true), "the body is signed unless multipart")
        let flipped = signed.prefix(10) + (signed.dropFirst(10).first == "0" ? "1" : "0") + signed.dropFirst(11)
        #expect(!isSign(String(flipped)))
        #expect(!isSign(String(signed.dropLast())))
        #expect(!isSign(signed + "0"))
        #expect(!isSign(""))
        #expect(!isSign(String(repeating: "g", count: 64)))
    }
}

extension RequestSignature.Key {
    /// HMAC-SHA256 of `message`, in lowercase hex.
    fileprivate func hex(of message: [UInt8]) -> String {
        message.withUnsafeBytes { bytes in withAuthenticationCode(of: bytes) { Hex.lowercase($0) } }
    }
}
