import CICU

/// Owns one ICU break iterator and the UTF-16 copy of the text it reads
/// (ICU does not copy the text, so the buffer must live as long as it does).
final class BreakIterator {
    enum Kind: Int32 { case word = 0, sentence = 1 }

    private let handle: OpaquePointer
    private let text: UnsafeMutableBufferPointer<UInt16>

    init(_ kind: Kind, locale: String, units: [UInt16]) throws(ICUError) {
        text = .allocate(capacity: max(units.count, 1))
        _ = text.initialize(from: units)
        var out: OpaquePointer?
        let status = cicu_break_open(kind.rawValue, locale, text.baseAddress, Int32(units.count), &out)
        guard status <= 0, let out else {
            text.deallocate()
            try ICUError.check(status == 0 ? 1 : status, "opening a \(kind) break iterator")
            fatalError("unreachable: ICU reported success without an iterator")
        }
        handle = out
    }

    deinit {
        cicu_break_close(handle)
        text.deallocate()
    }

    /// The next boundary in UTF-16 units, nil at the end.
    func next() -> Int? {
        let boundary = cicu_break_next(handle)
        return boundary < 0 ? nil : Int(boundary)
    }

    /// ICU's rule status for the boundary last returned.
    var ruleStatus: Int32 { cicu_break_rule_status(handle) }
}
