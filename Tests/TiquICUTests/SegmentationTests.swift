import XCTest
import TiquICU
import TiquText

final class SegmentationTests: XCTestCase {
    func testTokensTileTheTextAndSliceBack() throws {
        var seed: UInt64 = 3
        let pieces = ["山南市", "2023年", "𠮷", "增长3.4%", "\r\n", "\u{FEFF}", "GDP", "ｶﾀｶﾅ", "e\u{301}", "，", " "]
        for _ in 0..<500 {
            var text = ""
            for _ in 0..<8 {
                seed = seed &* 6364136223846793005 &+ 1442695040888963407
                text += pieces[Int(seed >> 33) % pieces.count]
            }
            let document = Document(text: text)
            let tokens = try Segmenter.words(document)
            var expectedStart = 0
            for token in tokens {
                XCTAssertEqual(token.start, expectedStart, text)
                XCTAssertLessThan(token.start, token.end)
                expectedStart = token.end
            }
            XCTAssertEqual(expectedStart, document.count, text)
            XCTAssertEqual(tokens.map { document.slice($0.start, $0.end) }.joined(), text)
        }
    }

    func testRuleStatusKinds() throws {
        let document = Document(text: "山南市GDP增长 2023")
        let kinds = try Segmenter.words(document).map { ($0.kind, document.slice($0.start, $0.end)) }
        XCTAssertTrue(kinds.contains { $0.0 == .ideographic && $0.1.contains("山") })
        XCTAssertTrue(kinds.contains { $0 == (.letter, "GDP") })
        XCTAssertTrue(kinds.contains { $0 == (.number, "2023") })
        XCTAssertTrue(kinds.contains { $0 == (.none, " ") })
    }

    func testSentenceBoundariesInCodePoints() throws {
        let document = Document(text: "𠮷山南。增长了！好")
        XCTAssertEqual(try Segmenter.sentenceBoundaries(document), [0, 4, 8, 9])
    }

    func testVersionAndErrorsCarryICUNames() {
        XCTAssertTrue(ICU.version.hasPrefix(String(ICU.version.split(separator: ".")[0])))
        XCTAssertFalse(ICU.version.isEmpty)
        XCTAssertThrowsError(try UnicodeSets.ranges(of: "[:NoSuchProperty:]")) { error in
            XCTAssertTrue((error as? ICUError)?.name.hasPrefix("U_") ?? false, "\(error)")
        }
    }

    func testUnicodeSetRanges() throws {
        let han = try UnicodeSets.ranges(of: "[:Han:]")
        XCTAssertTrue(han.contains { $0.contains(0x5C71) })   // 山
        XCTAssertTrue(han.contains { $0.contains(0x20BB7) })  // 𠮷
        XCTAssertFalse(han.contains { $0.contains(0x41) })
    }
}
