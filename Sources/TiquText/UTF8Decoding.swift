/// Strict UTF-8 decoding that says where the first bad byte is.
///
/// Swift's `String(decoding:as:)` silently repairs bad input with U+FFFD,
/// which would shift every later offset; Tiqu refuses such input instead and
/// names the byte, so the user can find and fix it.
public enum UTF8Decoding {
    /// The byte offset of the first byte that does not begin or continue a
    /// valid UTF-8 sequence, or nil when the bytes are valid UTF-8.
    public static func firstInvalidByte<Bytes: Collection<UInt8>>(in bytes: Bytes) -> Int?
    where Bytes.Index == Int {
        var i = bytes.startIndex
        let end = bytes.endIndex
        while i < end {
            let lead = bytes[i]
            if lead < 0x80 { i += 1; continue }
            guard let length = sequenceLength(lead) else { return i - bytes.startIndex }
            guard i + length <= end else { return i - bytes.startIndex }
            let second = bytes[i + 1]
            guard secondByteIsValid(lead: lead, second) else { return i - bytes.startIndex }
            for k in 2..<max(2, length) where bytes[i + k] & 0xC0 != 0x80 {
                return i - bytes.startIndex
            }
            i += length
        }
        return nil
    }

    /// Decodes valid UTF-8, or throws `TextError.invalidUTF8` naming `source`.
    public static func decode(_ bytes: [UInt8], source: String) throws(TextError) -> String {
        if let bad = firstInvalidByte(in: bytes) {
            throw .invalidUTF8(source: source, byteOffset: bad)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func sequenceLength(_ lead: UInt8) -> Int? {
        switch lead {
        case 0xC2...0xDF: return 2
        case 0xE0...0xEF: return 3
        case 0xF0...0xF4: return 4
        default: return nil  // continuation byte, overlong C0/C1, or beyond U+10FFFF
        }
    }

    /// The second byte carries the range checks that rule out overlong forms,
    /// surrogates (ED A0..BF) and code points above U+10FFFF.
    private static func secondByteIsValid(lead: UInt8, _ second: UInt8) -> Bool {
        switch lead {
        case 0xE0: return (0xA0...0xBF).contains(second)
        case 0xED: return (0x80...0x9F).contains(second)
        case 0xF0: return (0x90...0xBF).contains(second)
        case 0xF4: return (0x80...0x8F).contains(second)
        default: return second & 0xC0 == 0x80
        }
    }
}
