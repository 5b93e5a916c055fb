import Foundation
@_spi(Benchmarks) import ReplayServer
import Scenarios

/// Memory of a large cassette: RSS and glibc's own count of bytes in use after parsing the
/// file, after indexing it as the server does, and after the parsed model is dropped.
enum MemoryBenchmark {
    static func run(path: String) throws {
        report("start")
        let started = ContinuousClock.now
        var cassette: Cassette? = try Cassette.load(contentsOf: URL(fileURLWithPath: path))
        report("loaded \(cassette!.interactions.count) interactions in \(ContinuousClock.now - started)")
        let probe = CassetteLookupProbe(cassettes: [cassette!])
        report("indexed")
        cassette = nil
        ReplayServer.returnFreedMemory()
        report("model dropped, memory returned as the server does")
        withExtendedLifetime(probe) {}
    }

    static func report(_ stage: String) {
        print("\(stage): \(residentMiB()) MiB resident")
        #if canImport(Glibc)
        if let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_stats") {
            typealias MallocStats = @convention(c) () -> Void
            fflush(nil)
            unsafeBitCast(symbol, to: MallocStats.self)()
        }
        #endif
    }

    /// VmRSS of this process, MiB.
    static func residentMiB() -> Int {
        let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
        let line = status.split(separator: "\n").first { $0.hasPrefix("VmRSS:") } ?? ""
        return (Int(line.split(separator: " ").dropFirst().first ?? "0") ?? 0) / 1024
    }
}
