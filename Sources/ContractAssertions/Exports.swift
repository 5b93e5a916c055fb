// ContractAssertions is what a test target imports: it brings the server and the scenario
// model with it, so `import ContractAssertions` is enough to start a server in a test.
// The L7 clause catalogue and the `expectContract` assertions are issue 6.
@_exported public import ReplayServer
@_exported public import Scenarios
