import XCTest
@testable import Tiqu

/// The SemEval-2013 / nervaluate table, case by case.
final class NERScorerTests: XCTestCase {
    private func e(_ start: Int, _ end: Int, _ type: String) -> ScoredEntity {
        ScoredEntity(doc: "d", start: start, end: end, type: type, text: "")
    }

    private func counts(_ gold: [ScoredEntity], _ predicted: [ScoredEntity]) -> [NERScorer.Mode: NERScorer.Counts] {
        Dictionary(uniqueKeysWithValues: NERScorer.Mode.allCases.map { ($0, NERScorer.counts(gold: gold, predicted: predicted, mode: $0)) })
    }

    func testExactSpanAndType() {
        let c = counts([e(0, 3, "PLACE")], [e(0, 3, "PLACE")])
        for mode in NERScorer.Mode.allCases { XCTAssertEqual(c[mode]!.correct, 1); XCTAssertEqual(c[mode]!.f1(mode), 1) }
    }

    func testSameSpanOtherType() {
        let c = counts([e(0, 3, "PLACE")], [e(0, 3, "PROJECT")])
        XCTAssertEqual(c[.strict]!.incorrect, 1)
        XCTAssertEqual(c[.exact]!.correct, 1)
        XCTAssertEqual(c[.partial]!.correct, 1)
        XCTAssertEqual(c[.type]!.incorrect, 1)
    }

    func testOverlapSameType() {
        let c = counts([e(0, 5, "PLACE")], [e(0, 3, "PLACE")])
        XCTAssertEqual(c[.strict]!.incorrect, 1)
        XCTAssertEqual(c[.exact]!.incorrect, 1)
        XCTAssertEqual(c[.partial]!.partial, 1)
        XCTAssertEqual(c[.partial]!.precision(.partial), 0.5)
        XCTAssertEqual(c[.type]!.correct, 1)
    }

    func testTouchingSpansDoNotOverlapAndMissesAndSpurious() {
        let c = counts([e(0, 3, "PLACE"), e(10, 12, "PLACE")], [e(3, 5, "PLACE")])
        XCTAssertEqual(c[.strict]!.spurious, 1)
        XCTAssertEqual(c[.strict]!.missed, 2)
        XCTAssertEqual(c[.strict]!.f1(.strict), 0)
    }

    func testValueComparisonUsesRelativeTolerance() {
        var a = e(0, 3, "QUANTITY"), b = e(0, 3, "QUANTITY")
        a.value = 24_800_000_000; b.value = 24_800_000_000.000001
        a.unit = "元"; b.unit = "元"
        XCTAssertTrue(a.sameValue(as: b))
        b.qualifier = "gt"
        XCTAssertFalse(a.sameValue(as: b))
    }
}
