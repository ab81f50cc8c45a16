import BigInt
import XCTest
@testable import TiquNumerals

final class ExactNumberTests: XCTestCase {
    func testDecimalArithmeticIsExact() {
        let x = ExactNumber(decimal: "16.85")! * ExactNumber(10000)
        XCTAssertEqual(x.description, "168500")
        XCTAssertTrue(x.isInteger)
        XCTAssertEqual((ExactNumber(decimal: "0.1")! + ExactNumber(decimal: "0.2")!).description, "0.3")
    }

    func testFormatting() {
        XCTAssertEqual(ExactNumber(decimal: "0.003")!.description, "0.003")
        XCTAssertEqual(ExactNumber(decimal: "4.800")!.description, "4.8")
        XCTAssertEqual((-ExactNumber(decimal: ".5")!).description, "-0.5")
        XCTAssertEqual(ExactNumber(numerator: 1, denominator: 3).description, "0.33333333333333333")
        XCTAssertEqual(ExactNumber(numerator: -2, denominator: 3).description, "-0.66666666666666667")
        XCTAssertEqual(ExactNumber(numerator: 2855, denominator: 1000).description, "2.855")
    }

    func testPowersAndDivision() {
        XCTAssertEqual(ExactNumber(2).power(10)?.description, "1024")
        XCTAssertEqual(ExactNumber(2).power(-2)?.description, "0.25")
        XCTAssertNil(ExactNumber.one.divided(by: .zero))
        XCTAssertEqual(ExactNumber(numerator: 6, denominator: -4), ExactNumber(numerator: -3, denominator: 2))
    }

    /// Property: parsing the description of random decimals gives them back.
    func testDescriptionRoundTrips() {
        var state: UInt64 = 11
        for _ in 0..<5_000 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let whole = state % 1_000_000_000_000
            let fraction = (state >> 20) % 10_000
            let text = "\(whole).\(String(format: "%04d", fraction))"
            let number = ExactNumber(decimal: Substring(text))!
            XCTAssertEqual(ExactNumber(decimal: Substring(number.description)), number, text)
        }
    }
}
