import TiquTestSupport
import XCTest
import TiquPattern

/// Compiled matcher vs. the reference interpreter on thousands of random patterns and
/// lattices. A mismatch prints the seed and the pattern, and fails.
final class DifferentialTests: XCTestCase {
    /// Matches compared / lattices with at least one match, to show the test is not vacuous.
    var comparedMatches = 0
    var latticesWithMatches = 0

    func check(seed: UInt64, depth: Int, rulesPerSet: Int) -> Bool {
        var rng = SplitMix64(seed: seed)
        var rules: [Pattern] = []
        var counts: [Int] = []
        for _ in 0..<(1 + rng.int(rulesPerSet)) {
            var gen = PatternGenerator(rng: SplitMix64(seed: rng.next()))
            rules.append(gen.pattern(depth: 1 + rng.int(depth)))
            counts.append(gen.captureCount)
        }
        let program: RuleSetProgram
        do {
            // Odd seeds declare the random edges' longest length (4), so that the
            // prefilter also looks past edges (RequiredAnchors.swift).
            program = try RuleSetProgram.compile(rules, captureCounts: counts, edgeLengths: seed % 2 == 1 ? [4, 4] : [])
        } catch {
            XCTFail("seed \(seed): compile error \(error) for \(rules)")
            return false
        }
        var matcher = PatternMatcher(program: program)
        for _ in 0..<4 {
            let (text, boundaries, edges) = randomLattice(&rng)
            let lattice = Lattice(scalars: text, sentenceBoundaries: boundaries, edges: edges)
            let got = matcher.matches(in: lattice)
            let reference = ReferenceInterpreter(text: text, boundaries: boundaries, edges: edges)
            let want = reference.matches(rules: rules, captureCounts: counts)
            comparedMatches += want.count
            latticesWithMatches += want.isEmpty ? 0 : 1
            if got != want {
                let shown = String(String.UnicodeScalarView(text.compactMap(Unicode.Scalar.init)))
                XCTFail("""
                    MISMATCH seed \(seed)
                    rules: \(rules)
                    text: "\(shown)" boundaries: \(boundaries)
                    edges: \(edges.map { "(\($0.start),\($0.end),p\($0.predicate))" })
                    got:  \(got.map(describe))
                    want: \(want.map(describe))
                    """)
                return false
            }
        }
        return true
    }

    func describe(_ m: PatternMatch) -> String {
        "r\(m.rule)[\(m.start),\(m.end))\(m.captures.map { $0.map { "\($0.lowerBound)..<\($0.upperBound)" } ?? "nil" })"
    }

    func run(seeds: ClosedRange<UInt64>, depth: Int, rulesPerSet: Int) {
        var failures = 0
        for seed in seeds where !check(seed: seed, depth: depth, rulesPerSet: rulesPerSet) {
            failures += 1
            if failures >= 5 { break }
        }
        print("differential: \(seeds.count) rule sets × 4 lattices, \(latticesWithMatches) lattices with matches, "
              + "\(comparedMatches) matches compared")
        XCTAssertGreaterThan(latticesWithMatches, seeds.count)   // most cases must actually match
    }

    func testRandomSingleRules() {
        run(seeds: 1...10_000, depth: 4, rulesPerSet: 1)
    }

    func testRandomRuleSets() {
        run(seeds: 100_001...104_000, depth: 4, rulesPerSet: 4)
    }

    func testRandomDeepPatterns() {
        run(seeds: 200_001...202_000, depth: 6, rulesPerSet: 2)
    }
}
