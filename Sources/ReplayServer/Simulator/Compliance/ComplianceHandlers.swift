import Scenarios

/// The EU compliance operations: Create, Partial Edit and Search of Manufacturers and of
/// Responsible Persons, over the seller's ``ComplianceBook``. Field names are the public SDK's
/// (`CreateManufacturerRequest`, `SearchManufacturersResponseData`, ...).
struct ComplianceHandlers: Sendable {
    /// The `data` of Create Manufacturer.
    struct ManufacturerCreated: Encodable, Sendable {
        var manufacturerID: String

        enum CodingKeys: String, CodingKey {
            case manufacturerID = "manufacturer_id"
        }
    }

    /// The `data` of Create Responsible Person.
    struct ResponsiblePersonCreated: Encodable, Sendable {
        var responsiblePersonID: String

        enum CodingKeys: String, CodingKey {
            case responsiblePersonID = "responsible_person_id"
        }
    }

    /// One entry of a search: the id and one regional profile per locale asked for.
    struct Entry: Encodable, Sendable {
        var id: String
        var regionalProfiles: [JSONValue]

        enum CodingKeys: String, CodingKey {
            case id
            case regionalProfiles = "regional_profiles"
        }
    }

    /// The `data` of Search Manufacturers and Search Responsible Persons.
    struct Found: Encodable, Sendable {
        var kind: ComplianceBook.Kind
        var entries: [Entry]
        var totalCount: Int
        var nextPageToken: String

        enum CodingKeys: String, CodingKey {
            case manufacturers
            case responsiblePersons = "responsible_persons"
            case totalCount = "total_count"
            case nextPageToken = "next_page_token"
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(entries, forKey: kind == .manufacturer ? .manufacturers : .responsiblePersons)
            try container.encode(totalCount, forKey: .totalCount)
            try container.encode(nextPageToken, forKey: .nextPageToken)
        }
    }

    /// The fields a create must carry (the SDK's required fields, the same for both kinds).
    private static let requiredFields = ["name", "email", "phone_number", "address"]

    /// The fields a record keeps, per kind.
    private static func fields(_ kind: ComplianceBook.Kind) -> [String] {
        kind == .manufacturer
            ? ["name", "registered_trade_name", "email", "phone_number", "address", "locale"]
            : ["name", "email", "phone_number", "address", "locale"]
    }

    let book: ComplianceBook
    /// The locale of the seller's market, the default of a record and of a search.
    let defaultLocale: String

    func create(_ kind: ComplianceBook.Kind, _ request: SimulatorRequest) throws(APIError) -> any Encodable & Sendable {
        let fields = try fields(of: kind, in: request)
        for name in Self.requiredFields where fields[name] == nil || fields[name] == .string("") {
            throw APIError.parameterRejected.filling([
                "param_name": name, "reason": "the field is required", "expected_value": "a non-empty value",
            ])
        }
        if kind == .responsiblePerson {
            for name in ["street_address_line1", "postal_code", "country"] where fields["address"]?[name]?.string?.isEmpty != false {
                throw APIError.parameterRejected.filling([
                    "param_name": "address.\(name)", "reason": "the field is required", "expected_value": "a non-empty string",
                ])
            }
        }
        guard let record = book.add(kind, fields: fields) else {
            throw APIError.parameterRejected.filling([
                "param_name": kind == .manufacturer ? "manufacturer" : "responsible_person",
                "reason": "the seller has \(ComplianceBook.limit) already",
                "expected_value": "at most \(ComplianceBook.limit) per seller",
            ])
        }
        return kind == .manufacturer ? ManufacturerCreated(manufacturerID: record.id) : ResponsiblePersonCreated(responsiblePersonID: record.id)
    }

    func partialEdit(_ kind: ComplianceBook.Kind, _ request: SimulatorRequest) throws(APIError) -> EmptyData {
        let idName = kind == .manufacturer ? "manufacturer_id" : "responsible_person_id"
        let id = request.pathParameters[idName] ?? ""
        guard book.edit(kind, id: id, fields: try fields(of: kind, in: request)) != nil else {
            throw kind == .manufacturer
                ? APIError.manufacturerNotFound.filling(["manufacturer_id": id])
                : APIError.responsiblePersonNotFound.filling(["rp_id": id])
        }
        return EmptyData()
    }

    func search(_ kind: ComplianceBook.Kind, _ request: SimulatorRequest) throws(APIError) -> Found {
        guard let size = request.query["page_size"].flatMap(Int.init), (1...100).contains(size) else {
            throw APIError.parameterRejected.filling(["param_name": "page_size", "reason": "out of range", "expected_value": "1 to 100"])
        }
        guard let offset = PageToken.offset(of: request.query["page_token"]) else {
            throw APIError.parameterRejected.filling(["param_name": "page_token", "reason": "unknown token", "expected_value": "a next_page_token"])
        }
        let idsName = kind == .manufacturer ? "manufacturer_ids" : "responsible_person_ids"
        let ids = (request.body?[idsName]?.array ?? []).compactMap(\.string)
        let keyword = request.body?["keyword"]?.string ?? ""
        let locales = (request.body?["locales"]?.array ?? []).compactMap(\.string)
        let matching = book.records(kind).filter { ids.isEmpty ? $0.matches(keyword: keyword) : ids.contains($0.id) }
        let page = matching.dropFirst(offset).prefix(size)
        let next = offset + page.count < matching.count ? PageToken.make(offset: offset + page.count) : ""
        return Found(
            kind: kind,
            entries: page.map { record in
                Entry(
                    id: record.id,
                    regionalProfiles: (locales.isEmpty ? [record.fields["locale"]?.string ?? defaultLocale] : locales).map {
                        profile(record, kind, locale: $0)
                    }
                )
            },
            totalCount: matching.count,
            nextPageToken: next
        )
    }

    // MARK: - Helpers

    private func fields(of kind: ComplianceBook.Kind, in request: SimulatorRequest) throws(APIError) -> [String: JSONValue] {
        guard case .object(let body)? = request.body ?? .object([:]) else {
            throw APIError.parameterRejected.filling(["param_name": "body", "reason": "not a JSON object", "expected_value": "an object"])
        }
        return body.filter { Self.fields(kind).contains($0.key) && $0.value != .null }
    }

    /// The record as one regional profile; the fake keeps one text and shows it in every locale.
    private func profile(_ record: ComplianceBook.Record, _ kind: ComplianceBook.Kind, locale: String) -> JSONValue {
        var profile = record.fields
        profile["locale"] = .string(locale)
        return .object(profile)
    }
}
