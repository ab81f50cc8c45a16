import Foundation
import TiquTestSupport
import XCTest
import TiquPattern

/// Throughput check, run by hand:
///   TIQU_PATTERN_BENCH=1 swift test -c release --filter BenchmarkTests
/// Prints ns per code point for 1/2/4/8 MB so linear growth is visible.
final class BenchmarkTests: XCTestCase {
    override func setUpWithError() throws {
        try XCTSkipUnless(ProcessInfo.processInfo.environment["TIQU_PATTERN_BENCH"] == "1",
                          "set TIQU_PATTERN_BENCH=1 to run")
    }

    /// ~200 literal-ish rules (literals, a few with sets, repetitions and edges) over
    /// CJK text with a token lattice (edges of length 1–3 covering the text).
    func testThroughputLiteralRules() throws {
        var rng = SplitMix64(seed: 42)
        let hanzi = (0..<400).map { 0x4E00 + UInt32($0 * 7) }
        var rules: [Pattern] = []
        for k in 0..<200 {
            let word = (0..<(2 + rng.int(3))).map { _ in Pattern.scalar(hanzi[rng.int(hanzi.count)]) }
            switch k % 10 {
            case 0: rules.append(.sequence(word + [.repetition(.edge(1), min: 1, max: 3, greedy: true)]))
            case 1: rules.append(.sequence(word + [.plus(.scalars(ScalarSet(ranges: [0x30...0x39])))]))
            case 2: rules.append(.sequence([.capture(0, .sequence(word))] + [.optional(.edge(2))]))
            default: rules.append(.sequence(word))
            }
        }
        let counts = rules.indices.map { $0 % 10 == 2 ? 1 : 0 }
        let program = try RuleSetProgram.compile(rules, captureCounts: counts)
        var matcher = PatternMatcher(program: program)
        print("rules: \(rules.count), instructions: \(program.instructionCount)")
        for megabytes in [1, 2, 4, 8] {
            let n = megabytes << 20
            var text = [UInt32]()
            text.reserveCapacity(n)
            for _ in 0..<n { text.append(rng.int(10) == 0 ? 0x30 + UInt32(rng.int(10)) : hanzi[rng.int(hanzi.count)]) }
            var edges: [Lattice.Edge] = []
            var i = 0
            while i < n {
                let len = min(1 + rng.int(3), n - i)
                edges.append(Lattice.Edge(start: i, end: i + len, predicate: 1 + rng.int(3)))
                i += len
            }
            let lattice = Lattice(scalars: text, edges: edges)
            let clock = ContinuousClock()
            var found = 0
            let elapsed = clock.measure { found = matcher.matches(in: lattice).count }
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            print(String(format: "%d MB (%d code points, %d edges): %.1f ns/code point, %.1f M code points/s, %d matches, %.1f steps/position",
                         megabytes, n, edges.count, seconds * 1e9 / Double(n), Double(n) / seconds / 1e6, found,
                         Double(matcher.statistics.total) / Double(n)))
        }
    }

    func testAhoCorasickThroughput() {
        var rng = SplitMix64(seed: 8)
        let entries = (0..<100_000).map { _ in (0..<(2 + rng.int(5))).map { _ in 0x4E00 + UInt32(rng.int(3000)) } }
        let clock = ContinuousClock()
        var automaton: MultiPatternAutomaton?
        let build = clock.measure { automaton = MultiPatternAutomaton(scalarEntries: entries) }
        let text = (0..<(8 << 20)).map { _ in 0x4E00 + UInt32(rng.int(3000)) }
        var count = 0
        let scan = clock.measure { automaton!.forEachOccurrence(in: text) { _ in count += 1 } }
        print("Aho-Corasick: 100,000 entries built in \(build); 8 M code points scanned in \(scan), \(count) occurrences")
    }
}
