import TiquTestSupport
import XCTest
import TiquPattern

/// The start-set prefilter (StartSetIndex.swift): a rule is tried only where its first
/// element, or the lexicon lookahead that guards it, can begin.
final class StartSetIndexTests: XCTestCase {
    let han = ScalarSet(ranges: [0x4E00...0x9FFF])
    /// 100,000 Han characters.
    lazy var text: [UInt32] = {
        var rng = SplitMix64(seed: 11)
        return (0..<100_000).map { _ in 0x4E00 + UInt32(rng.int(0x5000)) }
    }()

    func testEdgeLookaheadGuardSeedsOnlyWhereTheEdgeStarts() throws {
        // (?= @edge) \p{Han}: the rule can only start where an edge of predicate 0 does,
        // so it is seeded there, not at each of the 100,000 characters.
        let edges = stride(from: 0, to: text.count - 2, by: 100).map { Lattice.Edge(start: $0, end: $0 + 2, predicate: 0) }
        let rule = Pattern.sequence([.look(.ahead, negated: false, .edge(0)), .scalars(han)])
        let program = try RuleSetProgram.compile([rule], captureCounts: [0])
        var matcher = PatternMatcher(program: program)
        let found = matcher.matches(in: Lattice(scalars: text, edges: edges))
        XCTAssertEqual(found.map(\.start), edges.map(\.start))
        // Seeded at every character, the guard alone would cost 100,000 lookaround steps.
        XCTAssertLessThan(matcher.statistics.lookaroundSteps + matcher.statistics.threadSteps, 10 * edges.count,
                          "\(matcher.statistics)")
    }

    func testSetLookaheadGuardKeepsEveryMatch() throws {
        // (?= [镇] | @edge) \p{Han}: the guard can hold without an edge, so the rule keeps
        // its character start set and finds the 镇 that no edge covers.
        var withTown = text
        withTown[500] = 0x9547
        let edges = [Lattice.Edge(start: 100, end: 102, predicate: 0)]
        let guardPattern = Pattern.alternation([.scalars(ScalarSet(ranges: [0x9547...0x9547])), .edge(0)])
        let rule = Pattern.sequence([.look(.ahead, negated: false, guardPattern), .scalars(han)])
        let program = try RuleSetProgram.compile([rule], captureCounts: [0])
        var matcher = PatternMatcher(program: program)
        let found = matcher.matches(in: Lattice(scalars: withTown, edges: edges))
        let towns = withTown.indices.filter { withTown[$0] == 0x9547 }
        XCTAssertTrue(towns.contains(500))
        XCTAssertEqual(found.map(\.start), Array(Set(towns + [100])).sorted())
    }
}
