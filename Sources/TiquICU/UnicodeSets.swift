import CICU

/// ICU UnicodeSet patterns resolved to code-point ranges, so that rule
/// authors can write \p{Han} or [:Script=Han:] and the matcher sees only ranges.
public enum UnicodeSets {
    /// The ranges of a UnicodeSet pattern such as "[:Han:]" or "\\p{Nd}".
    public static func ranges(of pattern: String) throws(ICUError) -> [ClosedRange<UInt32>] {
        var capacity: Int32 = 512
        while true {
            var flat = [UInt32](repeating: 0, count: Int(capacity))
            var count: Int32 = 0
            let status = cicu_set_ranges(pattern, &flat, capacity, &count)
            if status == 15 /* U_BUFFER_OVERFLOW_ERROR */ {
                capacity = 2 * count + 2
                continue
            }
            try ICUError.check(status, "reading the Unicode set \(pattern)")
            return (0..<Int(count)).map { flat[2 * $0]...flat[2 * $0 + 1] }
        }
    }
}
