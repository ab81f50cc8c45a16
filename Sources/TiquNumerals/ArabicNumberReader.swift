import BigInt

/// A number written in Arabic digits (ASCII or full-width).
struct ArabicNumber {
    var value: ExactNumber
    var end: Int
    /// Digits before the decimal point (4 for 2023, used to recognise years).
    var integerDigits: Int
    var hasFraction: Bool
}

/// Reads 1735, 1,735.2, ４，５６５, .5, 2e5, 2^5 and 40k.
///
/// Group separators count only where they separate exactly three digits, so
/// "1, 234" and "3,5" stay separate numbers. SI suffixes: k/K (10^3) and M
/// (10^6) when no other ASCII letter follows; G (10^9) only after a decimal
/// fraction, because "4G" and "5G" name network generations in these texts.
enum ArabicNumberReader {
    static func read(_ text: CodePoints, at start: Int) -> ArabicNumber? {
        var i = start
        var digits = ""
        var groups = 0
        while true {
            while let d = NumeralCharacters.arabicDigit(text[i]) {
                digits.append(Character(Unicode.Scalar(UInt8(48 + d))))
                i += 1
            }
            guard let next = groupContinuation(text, at: i, after: digits, groups: groups) else { break }
            i = next
            groups += 1
        }
        var fraction = ""
        if NumeralCharacters.isDecimalPoint(text[i]), NumeralCharacters.arabicDigit(text[i + 1]) != nil {
            i += 1
            while let d = NumeralCharacters.arabicDigit(text[i]) {
                fraction.append(Character(Unicode.Scalar(UInt8(48 + d))))
                i += 1
            }
        }
        guard !(digits.isEmpty && fraction.isEmpty),
              var value = ExactNumber(decimal: Substring(fraction.isEmpty ? digits : digits + "." + fraction))
        else { return nil }
        (value, i) = applySuffix(text, value: value, at: i)
        return ArabicNumber(value: value, end: i, integerDigits: digits.count, hasFraction: !fraction.isEmpty)
    }

    /// After "1" or "1,234": the index past the next ",ddd" group, if one follows.
    private static func groupContinuation(_ text: CodePoints, at i: Int, after digits: String, groups: Int) -> Int? {
        let c = text[i]
        let fullWidth = NumeralCharacters.arabicDigit(text[i - 1]).map { _ in text[i - 1] >= 0xFF10 } ?? false
        guard !digits.isEmpty, c == 0x2C || (c == 0xFF0C && fullWidth) else { return nil }
        for k in 1...3 where NumeralCharacters.arabicDigit(text[i + k]) == nil { return nil }
        guard NumeralCharacters.arabicDigit(text[i + 4]) == nil else { return nil }
        // The first group has 1-3 digits; every later one exactly 3 (checked above).
        guard groups > 0 || digits.count <= 3 else { return nil }
        return i + 1
    }

    /// Exponents (2e5, 2^5) and k/K/M multipliers.
    private static func applySuffix(_ text: CodePoints, value: ExactNumber, at i: Int) -> (ExactNumber, Int) {
        let c = text[i]
        if c == 0x65 || c == 0x45 || c == 0x5E, let (exponent, end) = readExponent(text, at: i + 1),
           !NumeralCharacters.isASCIILetter(text[end]), c != 0x5E || powerIsSmall(value, exponent) {
            let result = c == 0x5E ? value.power(exponent) : ExactNumber(10).power(exponent).map { value * $0 }
            if let result { return (result, end) }
        }
        let multiplier: Int? = switch c {
        case 0x6B, 0x4B, 0xFF2B, 0xFF4B: 1000  // k K Ｋ ｋ
        case 0x4D: 1_000_000  // M
        case 0x47 where !value.isInteger: 1_000_000_000  // G, but 4G and 5G are network generations
        default: nil
        }
        if let multiplier, !NumeralCharacters.isASCIILetter(text[i + 1]), NumeralCharacters.arabicDigit(text[i + 1]) == nil {
            return (value * ExactNumber(multiplier), i + 1)
        }
        return (value, i)
    }

    /// Whether value^exponent has at most 1,000 digits. A short text such as
    /// 99999999999999999^999 would otherwise build an enormous exact number (the
    /// fuzzer found it); such a "power" is left unread.
    private static func powerIsSmall(_ value: ExactNumber, _ exponent: Int) -> Bool {
        let digits = max(value.numerator.magnitude.description.count, value.denominator.magnitude.description.count)
        return digits * abs(exponent) <= 1_000
    }

    /// A signed integer exponent of at most three digits.
    private static func readExponent(_ text: CodePoints, at start: Int) -> (Int, Int)? {
        var i = start
        var sign = 1
        if text[i] == 0x2B { i += 1 } else if NumeralCharacters.isMinus(text[i]) { sign = -1; i += 1 }
        var exponent = 0, count = 0
        while let d = NumeralCharacters.arabicDigit(text[i]), count < 3 {
            exponent = exponent * 10 + d
            i += 1
            count += 1
        }
        return count == 0 ? nil : (sign * exponent, i)
    }
}
