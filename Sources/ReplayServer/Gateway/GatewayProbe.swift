import Foundation
public import Scenarios

/// The gateway's checks without a server, for the benchmarks in `Benchmarks/`: the same code
/// the server runs on every request (path, query, `app_key`, `timestamp`, `sign`, token,
/// `shop_cipher`, body). Not part of the public API (`@_spi(Benchmarks)`).
@_spi(Benchmarks)
public struct GatewayProbe: Sendable {
    private let gateway: Gateway

    /// A gateway for a scenario, its clock stopped at the scenario's start.
    public init(scenario: Scenario) {
        let clock = VirtualClock(start: scenario.clockStart, mode: .manual, onMove: { _ in })
        self.gateway = Gateway(scenario: scenario, clock: clock)
    }

    /// Checks a request against the wall clock; true when it passes every check.
    public func accepts(method: String, path: String, rawQuery: String, accessToken: String, contentType: String?, body: [UInt8]) -> Bool {
        let request = Gateway.Request(
            method: method,
            path: path,
            rawQuery: rawQuery[...],
            accessToken: accessToken,
            contentType: contentType,
            body: body
        )
        return gateway.check(request, now: .now).rejection == nil
    }
}
