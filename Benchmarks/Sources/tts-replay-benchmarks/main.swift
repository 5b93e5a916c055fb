import Foundation

/// `tts-replay-benchmarks lookup [LOOKUPS] [ROUNDS]`: micro benchmarks of tts-replay's hot paths.
let arguments = CommandLine.arguments.dropFirst()
switch arguments.first {
case "lookup":
    let lookups = arguments.dropFirst().first.flatMap { Int($0) } ?? 1_000_000
    let rounds = arguments.dropFirst(2).first.flatMap { Int($0) } ?? 5
    LookupBenchmark.run(lookups: lookups, rounds: rounds)
default:
    FileHandle.standardError.write(Data("usage: tts-replay-benchmarks lookup [LOOKUPS] [ROUNDS]\n".utf8))
    exit(2)
}
