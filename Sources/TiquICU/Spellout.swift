import CICU

/// ICU's rule-based spell-out of numbers ("一百二十三"), used as an independent
/// oracle for the numeral normaliser. One instance owns one UNumberFormat.
public final class Spellout {
    private let handle: OpaquePointer

    /// `locale` such as "zh" or "zh_Hant".
    public init(locale: String) throws(ICUError) {
        var out: OpaquePointer?
        let status = cicu_spellout_open(locale, &out)
        try ICUError.check(status, "opening the \(locale) spell-out formatter")
        guard let out else { throw ICUError(code: 1, name: "U_ILLEGAL_ARGUMENT_ERROR", operation: "opening spell-out") }
        handle = out
    }

    deinit { cicu_spellout_close(handle) }

    /// Spells out a number written in ASCII decimal ("-1234.5").
    public func format(_ decimal: String) throws(ICUError) -> String {
        var capacity: Int32 = 128
        while true {
            var buffer = [UInt16](repeating: 0, count: Int(capacity))
            var length: Int32 = 0
            let status = cicu_spellout_format(handle, decimal, &buffer, capacity, &length)
            if status == 15 /* U_BUFFER_OVERFLOW_ERROR */ {
                capacity = length + 1
                continue
            }
            try ICUError.check(status, "spelling out \(decimal)")
            return String(decoding: buffer[0..<Int(length)], as: UTF16.self)
        }
    }
}
