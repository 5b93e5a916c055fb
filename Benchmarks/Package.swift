// swift-tools-version: 6.1
// Benchmarks of tts-replay, kept out of the main package so `swift build` and `swift test`
// never build them. Run from this folder: `swift run -c release tts-replay-benchmarks lookup`.
import PackageDescription

let package = Package(
    name: "tts-replay-benchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "tts-replay", path: ".."),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
    ],
    targets: [
        .executableTarget(
            name: "tts-replay-benchmarks",
            dependencies: [
                .product(name: "ReplayServer", package: "tts-replay"),
                .product(name: "Scenarios", package: "tts-replay"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ],
            swiftSettings: [.swiftLanguageMode(.v6)]
        )
    ]
)
