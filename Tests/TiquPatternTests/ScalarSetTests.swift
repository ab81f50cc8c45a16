import TiquTestSupport
import XCTest
import TiquPattern

final class ScalarSetTests: XCTestCase {
    func testNormalizationMergesAndSorts() {
        let s = ScalarSet(ranges: [10...20, 0...5, 6...8, 15...30])
        XCTAssertEqual(s.ranges, [0...8, 10...30])
        XCTAssertEqual(s.count, 9 + 21)
    }

    func testContainsAsciiAndBeyond() {
        let s = ScalarSet(ranges: [0x41...0x5A, 0x4E00...0x9FFF, 0x20000...0x2A6DF])
        XCTAssertTrue(s.contains(0x41))
        XCTAssertFalse(s.contains(0x61))
        XCTAssertTrue(s.contains(0x4E2D))
        XCTAssertFalse(s.contains(0x3000))
        XCTAssertTrue(s.contains(0x20001))
        XCTAssertFalse(s.contains(0x10FFFF))
    }

    func testInversionExcludesSurrogatesAndRoundTrips() {
        let s = ScalarSet("abc")
        let inv = s.inverted
        XCTAssertFalse(inv.contains(0x61))
        XCTAssertTrue(inv.contains(0x64))
        XCTAssertFalse(inv.contains(0xD800))
        XCTAssertEqual(inv.inverted, s)
        XCTAssertEqual(ScalarSet.all.inverted, .empty)
        XCTAssertEqual(ScalarSet.all.count, 0x110000 - 0x800)
    }

    func testUnionAndSingleScalar() {
        let u = ScalarSet("ab").union(ScalarSet("bc"))
        XCTAssertEqual(u, ScalarSet(ranges: [0x61...0x63]))
        XCTAssertEqual(ScalarSet("机").singleScalar, 0x673A)
        XCTAssertNil(u.singleScalar)
    }

    func testAgreesWithNaiveMembership() {
        var rng = SplitMix64(seed: 7)
        for _ in 0..<200 {
            let ranges = (0..<rng.int(6)).map { _ -> ClosedRange<UInt32> in
                let a = UInt32(rng.int(300)), b = a + UInt32(rng.int(40))
                return a...b
            }
            let s = ScalarSet(ranges: ranges)
            for v in UInt32(0)..<360 {
                XCTAssertEqual(s.contains(v), ranges.contains { $0.contains(v) }, "\(ranges) \(v)")
            }
        }
    }
}
