import TiquTestSupport
import XCTest
@testable import TiquText

/// Offsets are code points; ICU works in UTF-16. These properties must hold
/// for any text, BOM, CR LF, combining marks and non-BMP characters included.
final class OffsetPropertyTests: XCTestCase {
    static let pieces = ["a", "Z", "9", "山", "南", "市", "𠮷", "😀", "e\u{301}", "\r\n", "\u{FEFF}", "，", "１", "％", " ", "\u{200B}"]

    static func randomText(_ rng: inout SplitMix64) -> String {
        (0..<Int(rng.next() % 24)).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }.joined()
    }

    func testConversionsRoundTrip() {
        var rng = SplitMix64(seed: 42)
        for _ in 0..<3_000 {
            let document = Document(text: Self.randomText(&rng))
            let buffer = UTF16Buffer(document)
            XCTAssertEqual(buffer.units, Array(document.text.utf16))
            for index in 0...document.count {
                let unit = buffer.unitOffset(ofCodePoint: index)
                XCTAssertEqual(buffer.codePointOffset(ofUnit: unit), index)
            }
        }
    }

    func testSlicesAreTheCodePointsOfTheText() {
        var rng = SplitMix64(seed: 9)
        for _ in 0..<3_000 {
            let document = Document(text: Self.randomText(&rng))
            let scalars = Array(document.text.unicodeScalars)
            XCTAssertEqual(document.count, scalars.count)
            let a = Int(rng.next() % UInt64(document.count + 1))
            let b = a + Int(rng.next() % UInt64(document.count - a + 1))
            XCTAssertEqual(document.slice(a, b), String(String.UnicodeScalarView(scalars[a..<b])))
        }
    }

    func testNothingIsNormalised() {
        let text = "\u{FEFF}山南\r\n１２％𠮷"
        let document = Document(text: text)
        XCTAssertEqual(document.count, 9)
        XCTAssertEqual(document.slice(0, document.count), text)
        XCTAssertEqual(document.slice(8, 9), "𠮷")
    }

    func testLoadingReportsMissingPathsAndDirectories() {
        XCTAssertThrowsError(try Document.load(path: "/nonexistent/x.txt")) {
            XCTAssertEqual($0 as? TextError, .notFound(path: "/nonexistent/x.txt"))
        }
        XCTAssertThrowsError(try Document.load(path: NSTemporaryDirectory())) {
            XCTAssertEqual($0 as? TextError, .isDirectory(path: NSTemporaryDirectory()))
        }
    }
}
