import TiquTestSupport
import XCTest
import TiquPattern

/// Patterns that are exponential for backtracking engines, on ~1 MB of text. Each test
/// asserts the VM's step counter against the linear bound (steps <= 4 × positions ×
/// instructions, see PikeVM.swift) — this fails on any superlinear behaviour regardless of
/// machine speed — and a generous wall-clock bound.
final class PathologicalTests: XCTestCase {
    static let megabyte = 1 << 20

    func assertLinear(_ rules: [Pattern], text: [UInt32], edges: [Lattice.Edge] = [],
                      expectMatches: Bool? = nil, file: StaticString = #filePath, line: UInt = #line) throws {
        let program = try RuleSetProgram.compile(rules, captureCounts: rules.map { _ in 0 })
        let lattice = Lattice(scalars: text, edges: edges)
        var matcher = PatternMatcher(program: program)
        let clock = ContinuousClock()
        var found: [PatternMatch] = []
        let elapsed = clock.measure { found = matcher.matches(in: lattice) }
        let stats = matcher.statistics
        let bound = 4 * (text.count + 1) * max(program.instructionCount, 1)
        XCTAssertLessThanOrEqual(stats.total, bound, "steps \(stats) exceed linear bound \(bound)", file: file, line: line)
        XCTAssertLessThan(elapsed, .seconds(120), file: file, line: line)  // only catches a hang; the step bound is the proof
        if let expectMatches { XCTAssertEqual(!found.isEmpty, expectMatches, file: file, line: line) }
        print("pathological: n=\(text.count) m=\(program.instructionCount) steps=\(stats.total) "
              + "(\(Double(stats.total) / Double(text.count + 1)) per position) time=\(elapsed)")
    }

    func a(_ count: Int) -> [UInt32] { [UInt32](repeating: 0x61, count: count) }

    func testNestedStarThenMissingB() throws {
        // (a*)*b over a^n: no match.
        let rule = Pattern.sequence([.star(.capture(0, .star(lit("a")))), lit("b")])
        let program = try RuleSetProgram.compile([rule], captureCounts: [1])
        XCTAssertEqual(matches(of: program, in: Lattice(scalars: a(1000))), [])
        try assertLinear([.sequence([.star(.star(lit("a"))), lit("b")])], text: a(Self.megabyte), expectMatches: false)
    }

    func testAlternationOfOverlappingLengths() throws {
        // (a|aa)*c over a^n: no match.
        let rule = Pattern.sequence([.star(.alternation([lit("a"), lit("aa")])), lit("c")])
        try assertLinear([rule], text: a(Self.megabyte), expectMatches: false)
    }

    func testOptionalCountedThenCounted() throws {
        // (a?){30}a{30} over a^n (matches; the classic exponential case for backtracking).
        let rule = Pattern.sequence([.repetition(.optional(lit("a")), min: 30, max: 30, greedy: true),
                                     .repetition(lit("a"), min: 30, max: 30, greedy: true)])
        try assertLinear([rule], text: a(Self.megabyte), expectMatches: true)
        // And over a^29 b repeated (256 KB): never 30 a's in a row, so no match.
        let text: [UInt32] = (0..<(Self.megabyte / 120)).flatMap { _ -> [UInt32] in a(29) + [0x62] }
        try assertLinear([rule], text: text, expectMatches: false)
    }

    func testThousandWayAlternation() throws {
        // 1,000 alternatives sharing the first letter, so the prefilter cannot help; on
        // 64 KB (a quarter of the positions expand ~8,000 instructions of closure, which
        // in debug builds is ~40 s per MB; the step bound is what proves linearity).
        var rng = SplitMix64(seed: 99)
        let letters: [UInt32] = [0x61, 0x62, 0x63, 0x64]
        let alternatives = (0..<1000).map { _ in
            Pattern.sequence([lit("a")] + (0..<4).map { _ in Pattern.scalar(letters[1 + rng.int(3)]) } + [lit("z")])
        }
        let text = (0..<(Self.megabyte / 16)).map { _ in letters[rng.int(4)] }
        try assertLinear([.alternation(alternatives)], text: text, expectMatches: false)
    }

    func testLargeCountedRepetition() throws {
        // x{1,1000} over x^n: 1,000 nested optionals, greedily taken 1,000 at a time.
        let x: [UInt32] = [UInt32](repeating: 0x78, count: Self.megabyte / 8)
        try assertLinear([.repetition(lit("x"), min: 1, max: 1000, greedy: true)], text: x, expectMatches: true)
    }

    func testNestedQuantifiersWithEdges() throws {
        // ((E1|E2 a?)*)* c where every position starts edges of lengths 1..3.
        let n = Self.megabyte / 4
        var edges: [Lattice.Edge] = []
        for i in 0..<n {
            for len in 1...3 where i + len <= n { edges.append(Lattice.Edge(start: i, end: i + len, predicate: len % 2)) }
        }
        let body = Pattern.alternation([.edge(1), .sequence([.edge(0), .optional(lit("a"))])])
        let rule = Pattern.sequence([.star(.star(body)), lit("c")])
        try assertLinear([rule], text: a(n), edges: edges, expectMatches: false)
    }

    func testManyLiteralRulesOnLongText() throws {
        // 200 literal rules over 1 MB of CJK text.
        var rng = SplitMix64(seed: 5)
        let rules = (0..<200).map { _ in Pattern.sequence((0..<(2 + rng.int(3))).map { _ in .scalar(0x4E00 + UInt32(rng.int(200))) }) }
        let text = (0..<Self.megabyte).map { _ in 0x4E00 + UInt32(rng.int(200)) }
        try assertLinear(rules, text: text)
    }
}
