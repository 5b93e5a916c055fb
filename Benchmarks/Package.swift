// swift-tools-version: 6.1
// Benchmarks of tts-replay, kept out of the main package so `swift build` and `swift test`
// never build them. From this folder: `swift package benchmark` (micro benchmarks with
// ordo-one/benchmark), `swift run -c release tts-replay-benchmarks startup|memory FILE`, and
// `./run.sh` (the HTTP workloads against nginx).
import PackageDescription

/// What every benchmark measures: the library targets of tts-replay.
let ttsReplay: [Target.Dependency] = [
    .product(name: "ReplayServer", package: "tts-replay"),
    .product(name: "ReplayJournal", package: "tts-replay"),
    .product(name: "Scenarios", package: "tts-replay"),
]

let package = Package(
    name: "tts-replay-benchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "tts-replay", path: ".."),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.3"),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "tts-replay-benchmarks",
            dependencies: ttsReplay + [
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            swiftSettings: [.swiftLanguageMode(.v6)]
        ),
        .executableTarget(
            name: "Micro",
            dependencies: ttsReplay + [.product(name: "Benchmark", package: "benchmark")],
            path: "Micro",
            swiftSettings: [.swiftLanguageMode(.v6)],
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)
