import BigInt

/// An exact rational number: what every numeral value in Tiqu is.
///
/// Government figures are read for money and tonnage; binary floating point
/// would turn 16.85万 into 168499.99999999997. Values are kept as a reduced
/// fraction, so 16.85 × 10000 is exactly 168500 and 三分之一 is exactly 1/3;
/// only `description` rounds, and only non-terminating fractions.
///
/// Almost every figure fits in machine integers, so those are kept as Int
/// pairs and checked for overflow; a result that overflows moves to BigInt
/// (a 400-digit numeral is as exact as a 4-digit one). The form is canonical
/// (reduced, positive denominator, Int whenever it fits), so == compares values.
public struct ExactNumber: Sendable, Hashable, Comparable, CustomStringConvertible {
    private enum Storage: Hashable {
        case small(Int, Int)
        case big(BigInt, BigInt)
    }

    private let storage: Storage

    public init(_ value: Int) { storage = .small(value, 1) }

    public init(numerator: BigInt, denominator: BigInt = 1) {
        precondition(denominator != 0, "ExactNumber with a zero denominator")
        let divisor = BigInt(numerator.magnitude.greatestCommonDivisor(with: denominator.magnitude))
        let sign: BigInt = denominator < 0 ? -1 : 1
        let n = sign * numerator / divisor, d = sign * denominator / divisor
        if let small = Int(exactly: n), let smallDenominator = Int(exactly: d) {
            storage = .small(small, smallDenominator)
        } else {
            storage = .big(n, d)
        }
    }

    /// Reduces an Int fraction; nil if that would overflow (Int.min edge cases).
    private static func reduced(_ n: Int, _ d: Int) -> ExactNumber? {
        guard d != 0, n != .min, d != .min else { return nil }
        var a = n.magnitude, b = d.magnitude
        while b != 0 { (a, b) = (b, a % b) }
        let g = Int(a == 0 ? 1 : a)
        return ExactNumber(storage: .small((d < 0 ? -n : n) / g, abs(d) / g))
    }

    private init(storage: Storage) { self.storage = storage }

    public var numerator: BigInt {
        switch storage { case .small(let n, _): BigInt(n); case .big(let n, _): n }
    }

    public var denominator: BigInt {
        switch storage { case .small(_, let d): BigInt(d); case .big(_, let d): d }
    }

    /// Reads ASCII decimal digits with an optional fraction: "1735", "16.85", ".5".
    public init?(decimal text: Substring) {
        let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let whole = parts[0], fraction = parts.count > 1 ? parts[1] : ""
        guard !(whole.isEmpty && fraction.isEmpty),
              whole.allSatisfy({ $0.isASCII && $0.isNumber }), fraction.allSatisfy({ $0.isASCII && $0.isNumber })
        else { return nil }
        let digits = whole + fraction
        if digits.count <= 18, let n = Int(digits), let value = ExactNumber.reduced(n, ExactNumber.smallPowerOfTen(fraction.count)) {
            self = value
        } else {
            self.init(numerator: BigInt(String(digits))!, denominator: BigInt(10).power(fraction.count))
        }
    }

    /// 10^exponent, exact.
    public static func tenToThe(_ exponent: Int) -> ExactNumber {
        exponent <= 18 ? ExactNumber(smallPowerOfTen(exponent)) : ExactNumber(numerator: BigInt(10).power(exponent))
    }

    private static func smallPowerOfTen(_ exponent: Int) -> Int {
        var result = 1
        for _ in 0..<exponent { result *= 10 }
        return result
    }

    public static let zero = ExactNumber(0)
    public static let one = ExactNumber(1)

    public var isInteger: Bool {
        switch storage { case .small(_, let d): d == 1; case .big(_, let d): d == 1 }
    }

    public var isNegative: Bool {
        switch storage { case .small(let n, _): n < 0; case .big(let n, _): n < 0 }
    }

    public static func + (a: ExactNumber, b: ExactNumber) -> ExactNumber {
        if case .small(let an, let ad) = a.storage, case .small(let bn, let bd) = b.storage {
            if ad == 1 && bd == 1 {
                let (sum, overflow) = an.addingReportingOverflow(bn)
                if !overflow { return ExactNumber(sum) }
            } else {
                let (x, o1) = an.multipliedReportingOverflow(by: bd)
                let (y, o2) = bn.multipliedReportingOverflow(by: ad)
                let (d, o3) = ad.multipliedReportingOverflow(by: bd)
                let (n, o4) = x.addingReportingOverflow(y)
                if !(o1 || o2 || o3 || o4), let value = reduced(n, d) { return value }
            }
        }
        return ExactNumber(numerator: a.numerator * b.denominator + b.numerator * a.denominator,
                           denominator: a.denominator * b.denominator)
    }

    public static func - (a: ExactNumber, b: ExactNumber) -> ExactNumber { a + (-b) }

    public static prefix func - (a: ExactNumber) -> ExactNumber {
        if case .small(let n, let d) = a.storage, n != .min { return ExactNumber(storage: .small(-n, d)) }
        return ExactNumber(numerator: -a.numerator, denominator: a.denominator)
    }

    public static func * (a: ExactNumber, b: ExactNumber) -> ExactNumber {
        if case .small(let an, let ad) = a.storage, case .small(let bn, let bd) = b.storage {
            let (n, o1) = an.multipliedReportingOverflow(by: bn)
            let (d, o2) = ad.multipliedReportingOverflow(by: bd)
            if !(o1 || o2) {
                if d == 1 { return ExactNumber(n) }
                if let value = reduced(n, d) { return value }
            }
        }
        return ExactNumber(numerator: a.numerator * b.numerator, denominator: a.denominator * b.denominator)
    }

    /// nil when dividing by zero.
    public func divided(by b: ExactNumber) -> ExactNumber? {
        guard b != .zero else { return nil }
        return self * ExactNumber(numerator: b.denominator, denominator: b.numerator)
    }

    /// Integer powers, exact (negative exponents give the reciprocal).
    public func power(_ exponent: Int) -> ExactNumber? {
        if exponent >= 0 {
            return ExactNumber(numerator: numerator.power(exponent), denominator: denominator.power(exponent))
        }
        return ExactNumber.one.divided(by: power(-exponent)!)
    }

    public static func < (a: ExactNumber, b: ExactNumber) -> Bool {
        if case .small(let an, let ad) = a.storage, case .small(let bn, let bd) = b.storage {
            let (x, o1) = an.multipliedReportingOverflow(by: bd)
            let (y, o2) = bn.multipliedReportingOverflow(by: ad)
            if !(o1 || o2) { return x < y }
        }
        return a.numerator * b.denominator < b.numerator * a.denominator
    }

    /// Exact decimal when the fraction terminates ("168500", "3.4", "0.003");
    /// otherwise rounded to 17 significant digits, or 17 decimal places below 1
    /// ("0.33333333333333333", "2.3333333333333333").
    public var description: String {
        if case .small(let n, 1) = storage { return String(n) }
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
        let scaled = numerator * BigInt(10).power(scale) / denominator
        return ExactNumber.placePoint(in: scaled, scale: scale)
    }

    private func roundedDecimal(significantDigits: Int) -> String {
        let integerPart = numerator.magnitude / denominator.magnitude
        let integerDigits = integerPart == 0 ? 0 : integerPart.description.count
        let scale = max(0, significantDigits - integerDigits)
        let doubled = 2 * numerator.magnitude * BigInt(10).power(scale).magnitude / denominator.magnitude
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
