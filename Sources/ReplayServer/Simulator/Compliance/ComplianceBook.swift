import Scenarios
import Synchronization

/// The seller's EU compliance records: the manufacturers and responsible persons it has
/// registered (Create Manufacturer, Create Responsible Person), whose ids Create and Edit
/// Product carry in `manufacturer_ids` and `responsible_person_ids` where Get Category Rules
/// requires them.
///
/// The records belong to the seller, not to a shop (their operations take no `shop_cipher`),
/// so one book serves every shop of the scenario. Ids are deterministic from the seed.
final class ComplianceBook: Sendable {
    /// A registered manufacturer or responsible person: its id and its fields as sent
    /// (the create body, with partial edits applied).
    struct Record: Sendable, Hashable {
        var id: String
        var fields: [String: JSONValue]

        /// Whether the keyword is in the name, email or address (any case).
        func matches(keyword: String) -> Bool {
            guard !keyword.isEmpty else { return true }
            let needle = keyword.lowercased()
            return ["name", "registered_trade_name", "email"].contains { fields[$0]?.string?.lowercased().contains(needle) == true }
        }
    }

    /// Manufacturers or responsible persons.
    enum Kind: Sendable {
        case manufacturer
        case responsiblePerson

        var idPrefix: Int { self == .manufacturer ? DeterministicID.manufacturer : DeterministicID.responsiblePerson }
    }

    /// How many records of each kind a seller may register: a documented bound on the book.
    static let limit = 1_000

    private struct State {
        var manufacturers: [Record] = []
        var responsiblePersons: [Record] = []
    }

    private let seed: UInt64
    private let state = Mutex(State())

    init(seed: UInt64) {
        self.seed = seed
    }

    /// Registers a record; nil when the seller already has ``limit`` of that kind.
    func add(_ kind: Kind, fields: [String: JSONValue]) -> Record? {
        state.withLock { state in
            let count = kind == .manufacturer ? state.manufacturers.count : state.responsiblePersons.count
            guard count < Self.limit else { return nil }
            let record = Record(id: DeterministicID.make(prefix: kind.idPrefix, seed: seed, sequence: count + 1), fields: fields)
            if kind == .manufacturer { state.manufacturers.append(record) } else { state.responsiblePersons.append(record) }
            return record
        }
    }

    /// Applies a partial edit: the fields sent replace the ones held. Nil for an unknown id.
    func edit(_ kind: Kind, id: String, fields: [String: JSONValue]) -> Record? {
        state.withLock { state in
            func apply(_ records: inout [Record]) -> Record? {
                guard let index = records.firstIndex(where: { $0.id == id }) else { return nil }
                records[index].fields.merge(fields) { _, new in new }
                return records[index]
            }
            return kind == .manufacturer ? apply(&state.manufacturers) : apply(&state.responsiblePersons)
        }
    }

    /// Every record of a kind, in the order they were registered.
    func records(_ kind: Kind) -> [Record] {
        state.withLock { kind == .manufacturer ? $0.manufacturers : $0.responsiblePersons }
    }

    /// Whether the seller registered a record of this kind with this id.
    func contains(_ kind: Kind, id: String) -> Bool {
        records(kind).contains { $0.id == id }
    }

    /// Forgets every record (the server's reset).
    func reset() {
        state.withLock { $0 = State() }
    }
}
