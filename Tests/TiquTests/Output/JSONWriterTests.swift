import Foundation
import XCTest
@testable import Tiqu

final class JSONWriterTests: XCTestCase {
    func testEscapesWhatJSONRequiresAndTheInvisibleLineBreakers() {
        let text = "a\"b\\c\nd\re\tf\u{0}g\u{1F}h\u{2028}i\u{2029}j\u{FEFF}k"
        XCTAssertEqual(JSONValue.string(text).serialized(),
                       #""a\"b\\c\nd\re\tf\u0000g\u001fh\u2028i\u2029j\ufeffk""#)
    }

    func testChineseAndOtherNonASCIIStayReadable() {
        // E2 and EF lead bytes that are not U+2028/2029/FEFF are copied as they are.
        let text = "“十四五”期间，增长8.5％—𠀀"
        XCTAssertEqual(JSONValue.string(text).serialized(), "\"" + text + "\"")
    }

    func testEveryStringRoundTripsThroughJSONSerialization() throws {
        // Random strings over a hostile alphabet decode back to themselves.
        let alphabet: [Unicode.Scalar] = ["a", "\"", "\\", "\n", "\u{0}", "\u{7}", "\u{2028}", "\u{2029}", "\u{FEFF}",
                                          "\u{2027}", "\u{202A}", "，", "“", "十", "\u{20000}", "\u{FFFD}"]
        var state: UInt64 = 42
        for _ in 0..<500 {
            var scalars = String.UnicodeScalarView()
            for _ in 0..<Int(state % 12) {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                scalars.append(alphabet[Int(state >> 33) % alphabet.count])
            }
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let text = String(scalars)
            let json = JSONValue.array([.string(text)]).serialized()
            let decoded = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String]
            XCTAssertEqual(decoded, [text], json)
        }
    }
}
