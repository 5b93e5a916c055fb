// swift-tools-version:6.2
import PackageDescription

func product(_ name: String, _ package: String) -> Target.Dependency {
    .product(name: name, package: package)
}

let package = Package(
    name: "tts-replay",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "tts-replay", targets: ["tts-replay"]),
        .library(name: "Scenarios", targets: ["Scenarios"]),
        .library(name: "ReplayJournal", targets: ["ReplayJournal"]),
        .library(name: "ContractJudge", targets: ["ContractJudge"]),
        .library(name: "ReplayServer", targets: ["ReplayServer"]),
        .library(name: "ContractAssertions", targets: ["ContractAssertions"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.3"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        .target(
            name: "Scenarios",
            dependencies: [product("Yams", "Yams")],
            plugins: ["EmbedShippedData"]
        ),
        .executableTarget(name: "embed-shipped-data", path: "Tools/EmbedShippedData"),
        .plugin(name: "EmbedShippedData", capability: .buildTool(), dependencies: ["embed-shipped-data"]),
        .executableTarget(name: "stamp-build", path: "Tools/StampBuild"),
        .plugin(name: "StampBuild", capability: .buildTool(), dependencies: ["stamp-build"]),
        .target(
            name: "ReplayJournal",
            dependencies: [
                "Scenarios",
                product("GRDB", "GRDB.swift"),
                product("Crypto", "swift-crypto"),
                product("NIOCore", "swift-nio"),
                product("HTTPTypes", "swift-http-types"),
                product("Logging", "swift-log"),
            ]
        ),
        .target(
            name: "ContractJudge",
            dependencies: ["Scenarios", "ReplayJournal"]
        ),
        .target(
            name: "ReplayServer",
            dependencies: [
                "Scenarios",
                "ReplayJournal",
                "ContractJudge",
                product("Hummingbird", "hummingbird"),
                product("HummingbirdCore", "hummingbird"),
                product("HTTPTypes", "swift-http-types"),
                product("NIOCore", "swift-nio"),
                product("NIOPosix", "swift-nio"),
                product("NIOEmbedded", "swift-nio"),
                product("NIOHTTP1", "swift-nio"),
                product("NIOHTTPTypes", "swift-nio-extras"),
                product("NIOHTTPTypesHTTP1", "swift-nio-extras"),
                product("NIOSSL", "swift-nio-ssl"),
                product("ServiceLifecycle", "swift-service-lifecycle"),
                product("GRDB", "GRDB.swift"),
                product("Crypto", "swift-crypto"),
                product("AsyncHTTPClient", "async-http-client"),
                product("Logging", "swift-log"),
            ]
        ),
        .target(
            name: "Drift",
            dependencies: [
                "ReplayServer",
                "ReplayJournal",
                "ContractJudge",
                "Scenarios",
                product("AsyncHTTPClient", "async-http-client"),
                product("NIOCore", "swift-nio"),
                product("NIOHTTP1", "swift-nio"),
            ]
        ),
        .target(
            name: "ContractAssertions",
            dependencies: ["ReplayServer", "ContractJudge", "ReplayJournal", "Scenarios"]
        ),
        .executableTarget(
            name: "tts-replay",
            dependencies: [
                "ReplayServer",
                "ContractJudge",
                "Drift",
                "ReplayJournal",
                "Scenarios",
                product("ArgumentParser", "swift-argument-parser"),
                product("Logging", "swift-log"),
                product("UnixSignals", "swift-service-lifecycle"),
            ],
            plugins: ["StampBuild"]
        ),
        .testTarget(
            name: "ScenariosTests",
            dependencies: ["Scenarios"]
        ),
        .testTarget(
            name: "ReplayServerTests",
            dependencies: [
                "Drift",
                "ReplayServer",
                "ReplayJournal",
                "ContractJudge",
                "Scenarios",
                "tts-replay",
                product("AsyncHTTPClient", "async-http-client"),
                product("Hummingbird", "hummingbird"),
                product("HummingbirdCore", "hummingbird"),
                product("NIOCore", "swift-nio"),
                product("NIOPosix", "swift-nio"),
                product("NIOHTTP1", "swift-nio"),
                product("NIOFoundationCompat", "swift-nio"),
                product("Crypto", "swift-crypto"),
                product("GRDB", "GRDB.swift"),
                product("Logging", "swift-log"),
            ]
        ),
        .testTarget(
            name: "ContractTests",
            dependencies: [
                "ContractAssertions",
                "ContractJudge",
                "ReplayJournal",
                "ReplayServer",
                "Scenarios",
                product("AsyncHTTPClient", "async-http-client"),
                product("Hummingbird", "hummingbird"),
                product("NIOCore", "swift-nio"),
                product("NIOHTTP1", "swift-nio"),
                product("NIOFoundationCompat", "swift-nio"),
                product("Logging", "swift-log"),
            ]
        ),
    ]
)

for target in package.targets where target.type != .plugin {
    var settings = target.swiftSettings ?? []
    settings.append(.enableUpcomingFeature("ExistentialAny"))
    settings.append(.enableUpcomingFeature("MemberImportVisibility"))
    settings.append(.enableUpcomingFeature("InternalImportsByDefault"))
    target.swiftSettings = settings
}
