@_exported public import ContractJudge
@_exported public import ReplayJournal
// ContractAssertions is what a test target imports: it brings the server, the scenario model,
// the journal and the contract with it, so `import ContractAssertions` is enough to start a
// server in a test and judge the client with `expectContract`.
@_exported public import ReplayServer
@_exported public import Scenarios
