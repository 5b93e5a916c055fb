import Crypto
import Scenarios

/// Upload Product Image and Upload Product File: `multipart/form-data` bodies (not signed), a
/// `data` part with the bytes; not shop-scoped.
///
/// An image's uri is made from its bytes, so uploading the same image twice gives the same uri,
/// and a product may then name it in `main_images`, SKU or attribute images.
struct UploadHandlers: Sendable {
    let media: UploadedMedia
    let seed: UInt64

    /// The largest image accepted (the SDK: "Max size: 10MB").
    static let maximumImageBytes = 10 * 1024 * 1024
    /// The smallest and largest side of an image, in pixels.
    static let imageSides = 100...20_000
    /// The use cases an image may be uploaded for.
    static let useCases = [
        "MAIN_IMAGE", "ATTRIBUTE_IMAGE", "DESCRIPTION_IMAGE", "CERTIFICATION_IMAGE", "SIZE_CHART_IMAGE", "CUSTOMIZATION_IMAGE",
    ]
    /// The file formats accepted, by extension, with the largest size of each kind.
    static let fileFormats: [String: Int] = [
        "PDF": 20 * 1024 * 1024, "MP4": 100 * 1024 * 1024, "MOV": 100 * 1024 * 1024, "MKV": 100 * 1024 * 1024,
        "WMV": 100 * 1024 * 1024, "WEBM": 100 * 1024 * 1024, "AVI": 100 * 1024 * 1024, "3GP": 100 * 1024 * 1024,
        "FLV": 100 * 1024 * 1024, "MPEG": 100 * 1024 * 1024,
    ]
    static let fileIDPrefix = 7418

    /// `POST /product/202309/images/upload`: `data` (the image) and `use_case` (default `MAIN_IMAGE`).
    func image(_ request: SimulatorRequest) throws(APIError) -> UploadedImage {
        let form = try MultipartForm(body: request.rawBody, contentType: request.contentType)
        guard let data = form["data"], !data.body.isEmpty else {
            throw APIError.invalidParameter("data", reason: "the image file is missing", expected: "an image file")
        }
        let useCase = form["use_case"]?.text ?? "MAIN_IMAGE"
        guard Self.useCases.contains(useCase) else {
            throw APIError.invalidParameter("use_case", reason: "unknown use case", expected: "one of \(Self.useCases.joined(separator: ", "))")
        }
        guard data.body.count <= Self.maximumImageBytes else {
            throw APIError.invalidParameter("data", reason: "the image is \(data.body.count) bytes", expected: "at most 10 MB")
        }
        guard let header = ImageHeader(data.body) else {
            let formats = ImageHeader.Format.allCases.map(\.rawValue).joined(separator: ", ")
            throw APIError.invalidParameter("data", reason: "not an image in a supported format", expected: "an image in \(formats)")
        }
        guard Self.imageSides.contains(header.width), Self.imageSides.contains(header.height) else {
            throw APIError.invalidParameter(
                "data",
                reason: "the image is \(header.width)x\(header.height) px",
                expected: "each side 100 to 20000 px"
            )
        }
        let uri = "tos-maliva-i-o3syd03w52-eu/" + Self.digest(data.body)
        _ = media.keep(uri) { _ in .image(header, useCase: useCase) }
        return UploadedImage(
            uri: uri,
            url: "https://p16-oec-eu-common-no.tiktokcdn.com/\(uri)~tplv-aphluv4xwc-origin-image.image",
            width: header.width,
            height: header.height,
            useCase: useCase
        )
    }

    /// `POST /product/202309/files/upload`: `data` (the file) and `name` (with its extension).
    func file(_ request: SimulatorRequest) throws(APIError) -> UploadedFile {
        let form = try MultipartForm(body: request.rawBody, contentType: request.contentType)
        guard let data = form["data"], !data.body.isEmpty else {
            throw APIError.invalidParameter("data", reason: "the file is missing or empty", expected: "a file that is not empty")
        }
        guard let name = form["name"]?.text, !name.isEmpty else {
            throw APIError.invalidParameter(
                "name",
                reason: "the name is missing",
                expected: "the file's name with its extension, such as certification.pdf"
            )
        }
        let pieces = name.split(separator: ".", omittingEmptySubsequences: false)
        guard pieces.count == 2, let first = name.unicodeScalars.first, first.properties.isAlphabetic || ("0"..."9").contains(first) else {
            throw APIError.invalidParameter(
                "name",
                reason: "'\(name.prefix(64))' begins with a symbol or has more than one period",
                expected: "a name that begins with a letter or digit, with one period, before its extension"
            )
        }
        let format = pieces[1].uppercased()
        guard let limit = Self.fileFormats[format] else {
            let accepted = Self.fileFormats.keys.sorted().joined(separator: ", ")
            throw APIError.invalidParameter("name", reason: "the extension \(pieces[1]) is not accepted", expected: "one of \(accepted)")
        }
        guard data.body.count <= limit else {
            throw APIError.invalidParameter(
                "data",
                reason: "the file is \(data.body.count) bytes",
                expected: "at most \(limit / 1_048_576) MB for a \(format)"
            )
        }
        if format == "PDF", !data.body.starts(with: Array("%PDF-".utf8)) {
            throw APIError.invalidParameter("data", reason: "the file is named .pdf but is not a PDF", expected: "a PDF")
        }
        let kept = media.keep("file:" + Self.digest(data.body) + ":" + name) { sequence in
            .file(id: DeterministicID.make(prefix: Self.fileIDPrefix, seed: seed, sequence: sequence), name: name, format: format)
        }
        guard case .file(let id, _, _) = kept else {
            throw APIError.invalidParameter("data", reason: "the same bytes were uploaded as an image", expected: "a file")
        }
        return UploadedFile(id: id, url: "https://sf16-va.tiktokcdn.com/obj/eden-va2/\(id)/\(name)", name: name, format: format)
    }

    /// The first 16 bytes of the SHA-256 of the bytes, in hex.
    private static func digest(_ bytes: ArraySlice<UInt8>) -> String {
        SHA256.hash(data: bytes).prefix(16).map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
    }
}

/// The `data` of Upload Product Image.
struct UploadedImage: Encodable, Sendable {
    var uri: String
    var url: String
    var width: Int
    var height: Int
    var useCase: String

    enum CodingKeys: String, CodingKey {
        case uri, url, width, height
        case useCase = "use_case"
    }
}

/// The `data` of Upload Product File.
struct UploadedFile: Encodable, Sendable {
    var id: String
    var url: String
    var name: String
    var format: String
}
