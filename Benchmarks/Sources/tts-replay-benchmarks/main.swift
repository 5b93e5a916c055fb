import Foundation

/// `tts-replay-benchmarks lookup [LOOKUPS] [ROUNDS]` or `startup [TIMES]`: micro benchmarks of
/// tts-replay's hot paths; `Benchmarks/run.sh` runs the HTTP workloads against nginx.
let arguments = CommandLine.arguments.dropFirst()
switch arguments.first {
case "lookup":
    let lookups = arguments.dropFirst().first.flatMap { Int($0) } ?? 1_000_000
    let rounds = arguments.dropFirst(2).first.flatMap { Int($0) } ?? 5
    LookupBenchmark.run(lookups: lookups, rounds: rounds)
case "startup":
    try await StartupBenchmark.run(times: arguments.dropFirst().first.flatMap { Int($0) } ?? 20)
default:
    FileHandle.standardError.write(Data("usage: tts-replay-benchmarks lookup [LOOKUPS] [ROUNDS] | startup [TIMES]\n".utf8))
    exit(2)
}
