import TiquTestSupport
import XCTest
@testable import TiquText

final class UTF8DecodingTests: XCTestCase {
    func testValidTextHasNoBadByte() {
        XCTAssertNil(UTF8Decoding.firstInvalidByte(in: Array("山南市2023年\r\n𠮷".utf8)))
        XCTAssertNil(UTF8Decoding.firstInvalidByte(in: [UInt8]()))
    }

    func testNamesTheFirstBadByte() {
        let cases: [([UInt8], Int)] = [
            ([0x41, 0xFF, 0x42], 1),                  // never valid
            ([0xE5, 0xB1], 0),                        // truncated 3-byte sequence
            ([0x41, 0xC0, 0x80], 1),                  // overlong NUL
            ([0xED, 0xA0, 0x80], 0),                  // UTF-16 surrogate
            ([0xF4, 0x90, 0x80, 0x80], 0),            // above U+10FFFF
            ([0xE5, 0xB1, 0xB1, 0x80], 3),            // stray continuation after 山
            (Array("统计".utf8) + [0xB2, 0xE3], 6),     // GB18030 bytes after UTF-8
        ]
        for (bytes, offset) in cases {
            XCTAssertEqual(UTF8Decoding.firstInvalidByte(in: bytes), offset, "\(bytes)")
        }
    }

    /// Property: agrees with the standard library's validation on random bytes.
    func testAgreesWithStandardLibraryOnRandomBytes() {
        var rng = SplitMix64(seed: 7)
        let alphabet: [UInt8] = [0x41, 0x80, 0xBF, 0xC2, 0xDF, 0xE0, 0xE5, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xA0, 0x90, 0xB1]
        for _ in 0..<20_000 {
            let bytes = (0..<Int(rng.next() % 8)).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] }
            let valid = String(validating: bytes, as: UTF8.self) != nil
            XCTAssertEqual(UTF8Decoding.firstInvalidByte(in: bytes) == nil, valid, "\(bytes)")
        }
    }

    func testDecodeErrorNamesSourceAndOffset() {
        XCTAssertThrowsError(try UTF8Decoding.decode([0x31, 0x32, 0xFE], source: "a.txt")) { error in
            XCTAssertEqual(error as? TextError, .invalidUTF8(source: "a.txt", byteOffset: 2))
            XCTAssertTrue("\(error)".contains("a.txt") && "\(error)".contains("byte offset 2"))
        }
    }
}
