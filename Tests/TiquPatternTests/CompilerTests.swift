import TiquTestSupport
import XCTest
@testable import TiquPattern

/// Compiler.swift: conditions at one position are emitted cheapest first.
final class CompilerTests: XCTestCase {
    let han = ScalarSet(ranges: [0x4E00...0x9FFF])
    let words = Pattern.alternation([.literal("县城"), .literal("市区")])

    func testConditionsAtOnePositionAreOrderedCheapestFirst() {
        let negative = Pattern.look(.ahead, negated: true, words)
        let positive = Pattern.look(.ahead, negated: false, .literal("半年"))
        let oneStep = Pattern.look(.behind, negated: true, .scalars(han))
        let start = Pattern.assertion(.sentenceStart)
        let parts: [Pattern] = [.sequence([negative, positive]), oneStep, .scalars(han), negative, start, positive,
                                .capture(0, .empty), oneStep]
        XCTAssertEqual(Compiler.cheapestConditionsFirst(parts),
                       [oneStep, positive, negative, .scalars(han), start, positive, negative, .capture(0, .empty), oneStep],
                       "nested sequences are flattened; a consuming element or a capture ends a run; ties keep their order")
    }

    /// A broad negative guard written before a selective positive one is no longer
    /// evaluated where the positive one fails: the positive one guards the rule's starts.
    func testSelectiveConditionGuardsTheStarts() throws {
        var rng = SplitMix64(seed: 11)
        var text = (0..<100_000).map { _ in 0x4E00 + UInt32(rng.int(0x5000)) }.map { $0 == 0x534A ? 0x4E00 : $0 }   // no 半
        let rule = Pattern.sequence([.look(.ahead, negated: true, words), .look(.ahead, negated: false, .literal("半")),
                                     .scalars(han)])
        let program = try RuleSetProgram.compile([rule], captureCounts: [0])
        var matcher = PatternMatcher(program: program)
        XCTAssertEqual(matcher.matches(in: Lattice(scalars: text)).count, 0)
        XCTAssertLessThanOrEqual(matcher.statistics.lookaroundSteps, text.count + 1, "\(matcher.statistics)")
        text.replaceSubrange(10..<13, with: "县城半".unicodeScalars.map(\.value))
        text[500] = 0x534A
        XCTAssertEqual(matcher.matches(in: Lattice(scalars: text)).map(\.start), [12, 500])
    }
}
