import TiquTestSupport
import XCTest
@testable import TiquPattern

/// The constant-time set table (ScalarSetTable.swift) must answer exactly as the sets'
/// own ranges do: a wrong bit would make the matcher miss or invent a match silently.
final class ScalarSetTableTests: XCTestCase {
    /// Random sets with ranges that start and end inside 64-bit words, span blocks and
    /// cross U+FFFF, tested at every range edge and at random code points.
    func testAgreesWithTheSetsOnRandomRanges() {
        var rng = SplitMix64(seed: 11)
        let sets = (0..<300).map { _ in
            ScalarSet(ranges: (0..<rng.int(8)).map { _ -> ClosedRange<UInt32> in
                let a = UInt32(rng.int(rng.int(2) == 0 ? 0x600 : 0x10400))
                return a...(a + UInt32(rng.int(rng.int(3) == 0 ? 700 : 70)))
            })
        }
        let table = ScalarSetTable(sets)
        for (s, set) in sets.enumerated() {
            var probes = (0..<200).map { _ in UInt32(rng.int(0x10800)) }
            for range in set.ranges {
                probes += [range.lowerBound, range.upperBound, range.lowerBound &- 1, range.upperBound + 1]
            }
            for v in probes where v <= ScalarSet.maxScalar {
                XCTAssertEqual(table.contains(s, v), set.contains(v), "set \(s) \(set.ranges) at U+\(String(v, radix: 16))")
            }
        }
    }

    func testWholeAndEmptySetsAndHan() {
        let han = ScalarSet(ranges: [0x4E00...0x9FFF, 0x20000...0x2A6DF])
        let table = ScalarSetTable([.all, .empty, han, ScalarSet("镇乡村")])
        XCTAssertTrue(table.contains(0, 0))
        XCTAssertTrue(table.contains(0, 0xFFFF))
        XCTAssertFalse(table.contains(0, 0xD800))   // surrogates are never members
        XCTAssertFalse(table.contains(1, 0x4E2D))
        XCTAssertTrue(table.contains(2, 0x4E00))
        XCTAssertTrue(table.contains(2, 0x9FFF))
        XCTAssertFalse(table.contains(2, 0xA000))
        XCTAssertTrue(table.contains(2, 0x20001))   // above the BMP: the set's ranges
        XCTAssertTrue(table.contains(3, 0x9547))    // 镇
        XCTAssertFalse(table.contains(3, 0x5E02))   // 市
    }

    /// Sets beyond the table's budget are still answered, through their ranges.
    func testSetsBeyondTheBudgetAreAnswered() {
        let count = ScalarSetTable.maxTabledSets + 3
        let sets = (0..<count).map { ScalarSet(scalars: [UInt32(0x4E00 + $0)]) }
        let table = ScalarSetTable(sets)
        for s in [0, ScalarSetTable.maxTabledSets - 1, ScalarSetTable.maxTabledSets, count - 1] {
            XCTAssertTrue(table.contains(s, UInt32(0x4E00 + s)))
            XCTAssertFalse(table.contains(s, UInt32(0x4E00 + s + 1)))
        }
    }
}
