/// Something that can answer an API request that passed the gateway. A scenario's
/// `answer_order` lists them; the first that has an answer gives it.
public enum AnswerSource: String, Sendable, Hashable, CaseIterable {
    /// The scenario's scripted stubs.
    case stubs
    /// The shop simulator, from the scenario's state.
    case simulator
    /// The scenario's cassettes.
    case cassettes

    /// Stubs, then the simulator, then cassettes.
    public static let defaultOrder: [AnswerSource] = [.stubs, .simulator, .cassettes]
}
