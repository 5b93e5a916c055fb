/// The format and pixel size of an image, read from its first bytes (no decoding): what Upload
/// Product Image checks and answers.
struct ImageHeader: Sendable, Equatable {
    /// The formats Upload Product Image accepts, as the SDK documents them.
    enum Format: String, Sendable, CaseIterable {
        case jpeg = "JPEG"
        case png = "PNG"
        case webp = "WEBP"
        case heic = "HEIC"
        case bmp = "BMP"
    }

    var format: Format
    var width: Int
    var height: Int

    /// Reads the header of an image in one of the accepted formats; nil for anything else, or
    /// an image whose size the header does not give. Reads at most the first 64 KiB.
    init?(_ bytes: ArraySlice<UInt8>) {
        let head = Array(bytes.prefix(64 * 1024))
        if let size = Self.png(head) {
            (format, width, height) = (.png, size.0, size.1)
        } else if let size = Self.jpeg(head) {
            (format, width, height) = (.jpeg, size.0, size.1)
        } else if let size = Self.webp(head) {
            (format, width, height) = (.webp, size.0, size.1)
        } else if let size = Self.bmp(head) {
            (format, width, height) = (.bmp, size.0, size.1)
        } else if let size = Self.heic(head) {
            (format, width, height) = (.heic, size.0, size.1)
        } else {
            return nil
        }
    }

    private static func bigEndian(_ bytes: [UInt8], _ at: Int, _ count: Int) -> Int {
        bytes[at..<(at + count)].reduce(0) { $0 << 8 | Int($1) }
    }

    private static func littleEndian(_ bytes: [UInt8], _ at: Int, _ count: Int) -> Int {
        bytes[at..<(at + count)].reversed().reduce(0) { $0 << 8 | Int($1) }
    }

    private static func png(_ b: [UInt8]) -> (Int, Int)? {
        guard b.count >= 24, b.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]), b[12..<16].elementsEqual("IHDR".utf8) else {
            return nil
        }
        return (bigEndian(b, 16, 4), bigEndian(b, 20, 4))
    }

    /// Walks the JPEG markers to the first start-of-frame.
    private static func jpeg(_ b: [UInt8]) -> (Int, Int)? {
        guard b.count >= 4, b[0] == 0xFF, b[1] == 0xD8 else { return nil }
        var index = 2
        while index + 9 < b.count {
            guard b[index] == 0xFF else { return nil }
            let marker = b[index + 1]
            if marker == 0xFF {
                index += 1
                continue
            }
            let length = bigEndian(b, index + 2, 2)
            if (0xC0...0xCF).contains(marker), ![0xC4, 0xC8, 0xCC].contains(marker) {
                return (bigEndian(b, index + 7, 2), bigEndian(b, index + 5, 2))
            }
            guard length >= 2 else { return nil }
            index += 2 + length
        }
        return nil
    }

    private static func webp(_ b: [UInt8]) -> (Int, Int)? {
        guard b.count >= 30, b[0..<4].elementsEqual("RIFF".utf8), b[8..<12].elementsEqual("WEBP".utf8) else { return nil }
        let chunk = String(decoding: b[12..<16], as: UTF8.self)
        switch chunk {
        case "VP8 ": return (littleEndian(b, 26, 2) & 0x3FFF, littleEndian(b, 28, 2) & 0x3FFF)
        case "VP8L":
            let bits = littleEndian(b, 21, 4)
            return ((bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1)
        case "VP8X": return (littleEndian(b, 24, 3) + 1, littleEndian(b, 27, 3) + 1)
        default: return nil
        }
    }

    private static func bmp(_ b: [UInt8]) -> (Int, Int)? {
        guard b.count >= 26, b[0] == 0x42, b[1] == 0x4D else { return nil }
        let height = Int32(truncatingIfNeeded: littleEndian(b, 22, 4))
        return (littleEndian(b, 18, 4), Int(height.magnitude))
    }

    /// An ISO base media file with a HEIF brand; the size is in its `ispe` property.
    private static func heic(_ b: [UInt8]) -> (Int, Int)? {
        guard b.count >= 12, b[4..<8].elementsEqual("ftyp".utf8),
            ["heic", "heix", "hevc", "mif1", "msf1"].contains(String(decoding: b[8..<12], as: UTF8.self))
        else { return nil }
        let ispe = Array("ispe".utf8)
        var index = 12
        while index + 16 <= b.count {
            if b[index..<(index + 4)].elementsEqual(ispe) {
                return (bigEndian(b, index + 8, 4), bigEndian(b, index + 12, 4))
            }
            index += 1
        }
        return nil
    }
}
