import ReplayJournal

/// A move of the scenario clock: a span on the scenario axis, an instant on the wall axis.
struct TimelineClockMove: Encodable {
    let from: Int64
    let to: Int64
    let wall: Double
    let reason: String

    init(_ move: ClockMove) {
        from = move.fromTime
        to = move.toTime
        wall = move.wallTime
        reason = move.reason
    }

    enum CodingKeys: String, CodingKey {
        case from, to
        case wall = "w"
        case reason
    }
}
