import Foundation

/// `tts-replay-benchmarks startup [TIMES]`, `memory CASSETTE` or `nio-floor FILE [MODE]`: what the
/// micro benchmarks (`swift package benchmark`) cannot measure in their loop, and a plain NIO
/// server for `Benchmarks/ab.py --floor`; `Benchmarks/run.sh` runs the HTTP workloads against nginx.
let arguments = CommandLine.arguments.dropFirst()
switch (arguments.first, arguments.count) {
case ("startup", 1...2):
    try await StartupBenchmark.run(times: arguments.dropFirst().first.flatMap { Int($0) } ?? 20)
case ("memory", 2):
    try MemoryBenchmark.run(path: arguments[arguments.startIndex + 1])
case ("nio-floor", 2...3):
    let modeName = arguments.dropFirst(2).first ?? NIOFloor.Mode.pipeline.rawValue
    guard let mode = NIOFloor.Mode(rawValue: modeName) else {
        FileHandle.standardError.write(Data("nio-floor: no mode \(modeName): pipeline, codec or bytes\n".utf8))
        exit(2)
    }
    try await NIOFloor.run(path: arguments[arguments.startIndex + 1], mode: mode)
default:
    FileHandle.standardError.write(
        Data("usage: tts-replay-benchmarks startup [TIMES] | memory CASSETTE | nio-floor FILE [pipeline|codec|bytes]\n".utf8)
    )
    exit(2)
}
