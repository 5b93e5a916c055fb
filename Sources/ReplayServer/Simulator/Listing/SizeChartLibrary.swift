import Scenarios

/// The size chart templates a seller has in a market, as Search Size Charts lists them and
/// as Create Product's `size_chart.template.id` names them: one reusable template per profile
/// of leaves whose rules support a size chart, related to those leaves. Ids are deterministic
/// from the market and the profile.
struct SizeChartLibrary: Sendable {
    /// One template (`SearchSizeChartsResponseDataSizeChart` in the SDK).
    struct Template: Encodable, Sendable {
        struct Image: Encodable, Sendable {
            var uri: String
            var url: String
            var locale: String
        }

        var id: String
        var name: String
        var images: [Image]
        var relatedCategoryIDs: [String]
        var sizeChartMode = "REUSABLE_TEMPLATE"

        enum CodingKeys: String, CodingKey {
            case images
            case id = "template_id"
            case name = "template_name"
            case relatedCategoryIDs = "related_category_ids"
            case sizeChartMode = "size_chart_mode"
        }
    }

    let templates: [Template]

    init(market: MarketCatalogue) {
        var leavesByProfile: [String: [String]] = [:]
        for (id, details) in market.leaves where details.rules["size_chart"]?["is_supported"]?.bool == true {
            leavesByProfile[details.profile, default: []].append(id)
        }
        self.templates = leavesByProfile.keys.sorted().map { profile in
            let id = Self.templateID(region: market.region, profile: profile)
            let uri = "tos-maliva-i-o3syd03w52-eu/size-chart-\(id)"
            return Template(
                id: id,
                name: "\(profile.prefix(1).uppercased())\(profile.dropFirst()) size chart",
                images: [Template.Image(uri: uri, url: ImageURL.origin(uri), locale: market.locale)],
                relatedCategoryIDs: leavesByProfile[profile, default: []].sorted()
            )
        }
    }

    /// A 19-digit id from the market and the profile (FNV-1a, so it is the same on every run).
    private static func templateID(region: Region, profile: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in "\(region.rawValue):\(profile)".utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        let digits = String(hash % 1_000_000_000_000_000)
        return "72" + String(repeating: "0", count: 17 - digits.count) + digits
    }
}

/// The URLs the fake gives to an image uri: the original and a thumbnail, on TikTok's image CDN.
enum ImageURL {
    static func origin(_ uri: String) -> String {
        "https://p16-oec-eu.ibyteimg.com/\(uri)~tplv-o3syd03w52-origin-jpeg.jpeg"
    }

    static func thumbnail(_ uri: String) -> String {
        "https://p16-oec-eu.ibyteimg.com/\(uri)~tplv-o3syd03w52-resize-jpeg:300:300.jpeg"
    }
}
