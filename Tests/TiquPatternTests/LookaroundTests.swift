import TiquTestSupport
import XCTest
@testable import TiquPattern

/// Lookaround evaluation (Lookaround.swift): a searched lookaround whose first step
/// cannot be taken is answered by its entry filter, without a search.
final class LookaroundTests: XCTestCase {
    let han = ScalarSet(ranges: [0x4E00...0x9FFF])
    /// 100,000 Han characters, none of them 县 or 市.
    lazy var text: [UInt32] = {
        var rng = SplitMix64(seed: 7)
        return (0..<100_000).map { _ in 0x4E00 + UInt32(rng.int(0x5000)) }.map { $0 == 0x53BF || $0 == 0x5E02 ? 0x4E00 : $0 }
    }()

    /// (?! 县城 | 市区) \p{Han} (?<! 县城 | 市区): words, so not one-step lookarounds.
    func rule() -> Pattern {
        let words = Pattern.alternation([.literal("县城"), .literal("市区")])
        return .sequence([.look(.ahead, negated: true, words), .scalars(han), .look(.behind, negated: true, words)])
    }

    func testEntryFilterAnswersWhereTheFirstStepIsMissing() throws {
        let program = try RuleSetProgram.compile([rule()], captureCounts: [0])
        XCTAssertTrue(program.looks.allSatisfy { !$0.isOneStep && $0.hasEntryFilter })
        var matcher = PatternMatcher(program: program)
        let found = matcher.matches(in: Lattice(scalars: text))
        XCTAssertEqual(found.count, text.count)
        // A search would visit the alternation and both words' first characters (three
        // states) at each of the two lookarounds of each position; the filter costs one.
        // (The lookbehind still runs a short search after the few 城 and 区 of the text.)
        let searchedAfter = text.filter { $0 == 0x57CE || $0 == 0x533A }.count
        XCTAssertLessThanOrEqual(matcher.statistics.lookaroundSteps, 2 * (text.count + 1) + 5 * searchedAfter,
                                 "\(matcher.statistics)")
    }

    func testFilteredLookaroundsStillSeeTheirWords() throws {
        var withWords = text
        withWords.replaceSubrange(100..<102, with: "县城".unicodeScalars.map(\.value))
        withWords.replaceSubrange(500..<502, with: "市区".unicodeScalars.map(\.value))
        let program = try RuleSetProgram.compile([rule()], captureCounts: [0])
        let found = matches(of: program, in: Lattice(scalars: withWords)).map(\.start)
        // No match starts where a word starts (100, 500) or ends right after one (101, 501).
        XCTAssertEqual(Set(withWords.indices).subtracting(found), [100, 101, 500, 501])
    }

    func testLookaroundThatCanMatchEmptyHasNoFilter() throws {
        // (?! 县? ) never holds: its sub-pattern matches the empty string anywhere.
        let rule = Pattern.sequence([.look(.ahead, negated: true, .repetition(.literal("县"), min: 0, max: 1, greedy: true)),
                                     .scalars(han)])
        let program = try RuleSetProgram.compile([rule], captureCounts: [0])
        XCTAssertFalse(program.looks[0].hasEntryFilter)
        XCTAssertEqual(matches(of: program, in: Lattice(scalars: Array(text.prefix(100)))).count, 0)
    }
}
