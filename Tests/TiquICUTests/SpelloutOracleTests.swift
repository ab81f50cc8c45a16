import TiquTestSupport
import XCTest
import TiquICU
import TiquNumerals

/// ICU as an independent oracle: its own Chinese spell-out of a number must
/// read back, whole, as exactly that number.
final class SpelloutOracleTests: XCTestCase {
    private func assertReadsBack(_ decimal: String, _ spellout: Spellout, file: StaticString = #filePath, line: UInt = #line) throws {
        let words = try spellout.format(decimal)
        let numerals = NumeralScanner().scan(words.unicodeScalars.map(\.value))
        guard numerals.count == 1, let numeral = numerals.first else {
            return XCTFail("\(decimal) -> \(words) read as \(numerals.count) numerals", file: file, line: line)
        }
        XCTAssertEqual(numeral.start, 0, "\(words)", file: file, line: line)
        XCTAssertEqual(numeral.end, words.unicodeScalars.count, "\(words)", file: file, line: line)
        XCTAssertEqual(numeral.value?.description, decimal, "\(decimal) -> \(words)", file: file, line: line)
    }

    func testRandomIntegersUpToTenToTheTwelve() throws {
        for locale in ["zh", "zh_Hant"] {
            let spellout = try Spellout(locale: locale)
            var rng = SplitMix64(seed: 2023)
            for k in 0..<2_500 {
                // Mix magnitudes so short numbers and gaps (一百〇五) are common.
                let digits = 1 + k % 13
                let upper = digits >= 13 ? 1_000_000_000_000 : Int(pow(10.0, Double(digits)))
                let value = Int(rng.next() % UInt64(upper))
                try assertReadsBack(String(value), spellout)
            }
            try assertReadsBack("1000000000000", spellout)
        }
    }

    func testNegativesAndDecimals() throws {
        for locale in ["zh", "zh_Hant"] {
            let spellout = try Spellout(locale: locale)
            var rng = SplitMix64(seed: 16)
            for _ in 0..<1_000 {
                let whole = Int(rng.next() % 100_000_000)
                var fraction = String(rng.next() % 10_000)
                while fraction.hasSuffix("0") { fraction.removeLast() }
                let text = fraction.isEmpty ? String(whole) : "\(whole).\(fraction)"
                try assertReadsBack(text, spellout)
                if whole > 0 { try assertReadsBack("-" + text, spellout) }
            }
        }
    }
}
