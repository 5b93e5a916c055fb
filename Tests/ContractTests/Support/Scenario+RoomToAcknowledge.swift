import ContractAssertions

extension Scenario {
    /// How long the reference client's webhook receiver has to acknowledge in these tests:
    /// long, as in the server's upgrade tests, so that a loaded CI runner never turns its
    /// prompt answer into a violation of `l7.webhooks-acknowledged` (it once took 3.64 s,
    /// past the platform's 3 s, while the whole suite shared two cores). Tests of the
    /// deadline set a short one after this; the server's own deadline tests are elsewhere.
    static let roomToAcknowledge = HumanDuration(seconds: 30)

    /// The scenario with ``roomToAcknowledge`` as its acknowledgement deadline.
    var withRoomToAcknowledge: Scenario {
        var scenario = self
        scenario.webhooks.acknowledgementTimeout = Self.roomToAcknowledge
        return scenario
    }
}
