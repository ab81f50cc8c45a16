import TiquTestSupport
import XCTest
@testable import TiquPattern

/// Branch filters (BranchFilters.swift): an alternative that cannot take its first step
/// at a position is not walked. The differential tests check that no result changes;
/// these check that the work is saved where it should be, and that building the filters
/// stays linear in the program.
final class BranchFiltersTests: XCTestCase {
    /// Two-character words: the k-th is U+4E00+k then U+4E00+1000+k.
    private func words(_ count: Int) -> [Pattern] {
        (0..<count).map { k in .sequence([.scalar(UInt32(0x4E00 + k)), .scalar(UInt32(0x4E00 + 1000 + k))]) }
    }

    /// "x 一 U+52DC" repeated: after each x, only the first word's first character, and a
    /// second character of another word (so that the required-anchor prefilter, which
    /// sees both characters in reach, admits every start).
    private let text: [UInt32] = (0..<6_000).map { k in [0x78, 0x4E00, 0x4E00 + 1500][k % 3] }

    func testAlternativesThatCannotStartAreNotWalked() throws {
        let rule = Pattern.sequence([lit("x"), .alternation(words(1000))])
        let program = try RuleSetProgram.compile([rule], captureCounts: [0])
        var matcher = PatternMatcher(program: program)
        XCTAssertEqual(matcher.matches(in: Lattice(scalars: text)), [])
        // Unfiltered, each of the 2,000 starts walks the chain of 1,000 alternatives
        // (about 3,000 instructions); filtered, the first word is tried and the chain's
        // first split turns the others away.
        XCTAssertLessThan(matcher.statistics.threadSteps, 10 * text.count)
    }

    func testLookaroundAlternativesThatCannotStartAreNotWalked() throws {
        // The first word passes the lookaround's entry filter after every x, so the search
        // runs, and the split after it turns the other 999 words away.
        let guardAhead = Pattern.look(.ahead, negated: true, .alternation(words(1000)))
        let rule = Pattern.sequence([lit("x"), guardAhead, .scalar(0x4E00)])
        let program = try RuleSetProgram.compile([rule], captureCounts: [0])
        var matcher = PatternMatcher(program: program)
        XCTAssertEqual(matcher.matches(in: Lattice(scalars: text)).count, text.count / 3)
        XCTAssertLessThan(matcher.statistics.lookaroundSteps, 10 * text.count)
    }

    func testAlternativeThatCanStartIsStillWalked() throws {
        // The last alternative begins like the first word: the chain's filters admit it.
        let rule = Pattern.sequence([lit("x"), .alternation(words(1000) + [.scalar(0x4E00)])])
        let program = try RuleSetProgram.compile([rule], captureCounts: [0])
        XCTAssertEqual(matches(of: program, in: Lattice(scalars: text)).count, text.count / 3)
    }

    func testEdgesAdmitTheirBranch() throws {
        // An alternative that starts with an edge is walked where the edge starts.
        let rule = Pattern.sequence([lit("x"), .alternation(words(100) + [.edge(7)])])
        let program = try RuleSetProgram.compile([rule], captureCounts: [0])
        let lattice = Lattice(scalars: text, edges: [Lattice.Edge(start: 1, end: 2, predicate: 7)])
        XCTAssertEqual(matches(of: program, in: lattice), [PatternMatch(rule: 0, start: 0, end: 2)])
    }

    func testBuildingFiltersForALongChainIsLinear() throws {
        // 100,000 alternatives: each split's first step is computed once from its
        // successors', and the large ones are dropped (no filter), so this compiles in
        // well under a second in release builds; quadratic work would take minutes.
        let alternatives = (0..<100_000).map { k in Pattern.scalar(UInt32(0x4E00 + k % 20_000)) }
        let clock = ContinuousClock()
        let elapsed = try clock.measure {
            _ = try RuleSetProgram.compile([.alternation(alternatives)], captureCounts: [0])
        }
        XCTAssertLessThan(elapsed, .seconds(60))
    }
}
