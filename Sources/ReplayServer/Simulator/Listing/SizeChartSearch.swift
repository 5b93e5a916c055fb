import Scenarios

/// `POST /product/202407/sizecharts/search`: the seller's size chart templates, by id or by a
/// keyword in the name, paged with `page_size` (1–100) and `page_token` in the query.
struct SizeChartSearch: Sendable {
    /// The `data` of Search Size Charts.
    struct Found: Encodable, Sendable {
        var sizeChart: [SizeChartLibrary.Template]
        var totalCount: Int
        var nextPageToken: String

        enum CodingKeys: String, CodingKey {
            case sizeChart = "size_chart"
            case totalCount = "total_count"
            case nextPageToken = "next_page_token"
        }
    }

    let library: SizeChartLibrary

    func answer(_ request: SimulatorRequest) throws(APIError) -> Found {
        guard let size = request.query["page_size"].flatMap(Int.init), (1...100).contains(size) else {
            throw APIError.parameterRejected.filling(["param_name": "page_size", "reason": "out of range", "expected_value": "1 to 100"])
        }
        guard let offset = PageToken.offset(of: request.query["page_token"]) else {
            throw APIError.parameterRejected.filling(["param_name": "page_token", "reason": "unknown token", "expected_value": "a next_page_token"])
        }
        let ids = (request.body?["ids"]?.array ?? []).compactMap(\.string)
        let keyword = (request.body?["keyword"]?.string ?? "").lowercased()
        let mode = request.body?["size_chart_mode"]?.string
        let matching = library.templates.filter { template in
            guard mode == nil || mode == template.sizeChartMode else { return false }
            if !ids.isEmpty { return ids.contains(template.id) }
            return keyword.isEmpty || template.name.lowercased().contains(keyword)
        }
        let page = Array(matching.dropFirst(offset).prefix(size))
        let next = offset + page.count < matching.count ? PageToken.make(offset: offset + page.count) : ""
        return Found(sizeChart: page, totalCount: matching.count, nextPageToken: next)
    }
}
