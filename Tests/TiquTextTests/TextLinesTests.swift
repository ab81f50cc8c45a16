import XCTest
import TiquText

final class TextLinesTests: XCTestCase {
    func testLineFeedAndCRLFGiveTheSameLines() {
        XCTAssertEqual("甲\n乙\n".textLines(), ["甲", "乙", ""])
        XCTAssertEqual("甲\r\n乙\r\n".textLines(), ["甲", "乙", ""])
        XCTAssertEqual("甲\r\n乙".textLines(), ["甲", "乙"])
    }

    func testEmptyLinesAreKeptSoLineNumbersHold() {
        XCTAssertEqual("a\n\r\n\nb".textLines(), ["a", "", "", "b"])
        XCTAssertEqual("".textLines(), [""])
        XCTAssertEqual("a\n\r\n\nb\n".nonEmptyTextLines(), ["a", "b"])
    }

    func testOnlyACarriageReturnThatEndsALineIsDropped() {
        XCTAssertEqual("a\rb\r\nc\r".textLines(), ["a\rb", "c"])
    }

    func testAByteOrderMarkAtTheStartIsNoContent() {
        XCTAssertEqual("\u{FEFF}甲\r\n乙".textLines(), ["甲", "乙"])
        XCTAssertEqual("\u{FEFF}".textLines(), [""])
        XCTAssertEqual("甲\u{FEFF}".textLines(), ["甲\u{FEFF}"])
    }

    func testSubstringsSplitLikeStrings() {
        let text = "x甲\r\n乙"
        XCTAssertEqual(text.dropFirst().textLines(), ["甲", "乙"])
    }
}
