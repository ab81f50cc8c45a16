import BigInt

/// An exact rational number: what every numeral value in Tiqu is.
///
/// Government figures are read for money and tonnage; binary floating point
/// would turn 16.85万 into 168499.99999999997. Values are kept as a reduced
/// fraction of big integers, so 16.85 × 10000 is exactly 168500 and 三分之一
/// is exactly 1/3; only `description` rounds, and only non-terminating fractions.
public struct ExactNumber: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let numerator: BigInt
    /// Always positive; gcd(numerator, denominator) == 1.
    public let denominator: BigInt

    public init(_ value: Int) {
        numerator = BigInt(value)
        denominator = 1
    }

    public init(numerator: BigInt, denominator: BigInt = 1) {
        precondition(denominator != 0, "ExactNumber with a zero denominator")
        let divisor = BigInt(numerator.magnitude.greatestCommonDivisor(with: denominator.magnitude))
        let sign: BigInt = denominator < 0 ? -1 : 1
        self.numerator = sign * numerator / (divisor == 0 ? 1 : divisor)
        self.denominator = sign * denominator / (divisor == 0 ? 1 : divisor)
    }

    /// Reads ASCII decimal digits with an optional fraction: "1735", "16.85", ".5".
    public init?(decimal text: Substring) {
        let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let whole = parts[0]
        let fraction = parts.count > 1 ? parts[1] : ""
        guard !(whole.isEmpty && fraction.isEmpty),
              (whole + fraction).allSatisfy({ $0.isASCII && $0.isNumber }),
              let digits = BigInt(whole.isEmpty && fraction.isEmpty ? "0" : String(whole + fraction))
        else { return nil }
        self.init(numerator: digits, denominator: ExactNumber.powerOfTen(fraction.count))
    }

    public static func powerOfTen(_ exponent: Int) -> BigInt { BigInt(10).power(exponent) }

    public static let zero = ExactNumber(0)
    public static let one = ExactNumber(1)

    public var isInteger: Bool { denominator == 1 }
    public var isNegative: Bool { numerator < 0 }

    public static func + (a: ExactNumber, b: ExactNumber) -> ExactNumber {
        if a.denominator == b.denominator {
            return ExactNumber(numerator: a.numerator + b.numerator, denominator: a.denominator)
        }
        return ExactNumber(numerator: a.numerator * b.denominator + b.numerator * a.denominator,
                           denominator: a.denominator * b.denominator)
    }

    public static func - (a: ExactNumber, b: ExactNumber) -> ExactNumber { a + (-b) }

    public static prefix func - (a: ExactNumber) -> ExactNumber {
        ExactNumber(numerator: -a.numerator, denominator: a.denominator)
    }

    public static func * (a: ExactNumber, b: ExactNumber) -> ExactNumber {
        ExactNumber(numerator: a.numerator * b.numerator, denominator: a.denominator * b.denominator)
    }

    /// nil when dividing by zero.
    public func divided(by b: ExactNumber) -> ExactNumber? {
        b.numerator == 0 ? nil : ExactNumber(numerator: numerator * b.denominator, denominator: denominator * b.numerator)
    }

    /// Integer powers, exact (negative exponents give the reciprocal).
    public func power(_ exponent: Int) -> ExactNumber? {
        if exponent >= 0 {
            return ExactNumber(numerator: numerator.power(exponent), denominator: denominator.power(exponent))
        }
        return ExactNumber.one.divided(by: power(-exponent)!)
    }

    public static func < (a: ExactNumber, b: ExactNumber) -> Bool {
        a.numerator * b.denominator < b.numerator * a.denominator
    }

    /// Exact decimal when the fraction terminates ("168500", "3.4", "0.003");
    /// otherwise rounded to 17 significant digits ("0.33333333333333333").
    public var description: String {
        if let exact = terminatingDecimal() { return exact }
        return roundedDecimal(significantDigits: 17)
    }

    /// A Double for tolerance comparisons and charts, never for arithmetic.
    public var doubleValue: Double { Double(description) ?? .nan }

    private func terminatingDecimal() -> String? {
        var rest = denominator
        var twos = 0, fives = 0
        while rest % 2 == 0 { rest /= 2; twos += 1 }
        while rest % 5 == 0 { rest /= 5; fives += 1 }
        guard rest == 1 else { return nil }
        let scale = max(twos, fives)
        let scaled = numerator * ExactNumber.powerOfTen(scale) / denominator
        return ExactNumber.placePoint(in: scaled, scale: scale)
    }

    private func roundedDecimal(significantDigits: Int) -> String {
        let integerDigits = (numerator.magnitude / denominator.magnitude).description.count
        let scale = max(0, significantDigits - integerDigits)
        let doubled = 2 * numerator.magnitude * ExactNumber.powerOfTen(scale).magnitude / denominator.magnitude
        let rounded = BigInt((doubled + 1) / 2) * (numerator < 0 ? -1 : 1)
        return ExactNumber.placePoint(in: rounded, scale: scale)
    }

    /// Writes `value / 10^scale` in plain decimal without trailing zeros.
    private static func placePoint(in value: BigInt, scale: Int) -> String {
        var digits = value.magnitude.description
        if scale > 0 {
            if digits.count <= scale { digits = String(repeating: "0", count: scale - digits.count + 1) + digits }
            digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -scale))
            while digits.hasSuffix("0") { digits.removeLast() }
            if digits.hasSuffix(".") { digits.removeLast() }
        }
        return value < 0 ? "-" + digits : digits
    }
}
