import TiquNumerals

/// A JSON value that prints numbers exactly as Tiqu computed them.
///
/// Foundation's JSONEncoder goes through Double, which would print 0.1 + 0.2
/// style noise for exact values; Tiqu's numbers are written from their exact
/// decimal form instead. Object keys keep insertion order, so output is
/// byte-for-byte stable.
public indirect enum JSONValue: Sendable, Equatable {
    case string(String)
    case int(Int)
    case number(ExactNumber)
    case bool(Bool)
    case null
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (a: JSONValue, b: JSONValue) -> Bool { a.serialized() == b.serialized() }

    public func serialized() -> String {
        var out = ""
        write(to: &out)
        return out
    }

    public func write(to out: inout String) {
        switch self {
        case .string(let s): JSONValue.writeString(s, to: &out)
        case .int(let n): out += String(n)
        case .number(let n): out += n.description
        case .bool(let b): out += b ? "true" : "false"
        case .null: out += "null"
        case .array(let items):
            out += "["
            for (k, item) in items.enumerated() {
                if k > 0 { out += ", " }
                item.write(to: &out)
            }
            out += "]"
        case .object(let fields):
            out += "{"
            for (k, (key, value)) in fields.enumerated() {
                if k > 0 { out += ", " }
                JSONValue.writeString(key, to: &out)
                out += ": "
                value.write(to: &out)
            }
            out += "}"
        }
    }

    /// RFC 8259 escaping; non-ASCII stays as UTF-8 so Chinese text is readable,
    /// except the invisible U+FEFF, U+2028 and U+2029, which some JSON readers
    /// drop or treat as line ends: they are escaped.
    static func writeString(_ s: String, to out: inout String) {
        out += "\""
        // Clean runs are copied whole; only the rare code points that need an escape
        // are looked at one by one (the text is UTF-8, so bytes decide).
        let bytes = s.utf8
        var runStart = bytes.startIndex
        var index = bytes.startIndex
        while index != bytes.endIndex {
            let byte = bytes[index]
            let needsLook = byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0xE2 || byte == 0xEF
            guard needsLook, let (escape, length) = escape(bytes, at: index) else {
                index = bytes.index(after: index)
                continue
            }
            out += s[runStart..<index]
            out += escape
            index = bytes.index(index, offsetBy: length)
            runStart = index
        }
        out += s[runStart..<bytes.endIndex]
        out += "\""
    }

    /// The escape of the code point starting at `index`, and its length in bytes, if
    /// it needs one.
    private static func escape(_ bytes: String.UTF8View, at index: String.Index) -> (String, Int)? {
        let byte = bytes[index]
        switch byte {
        case 0x22: return ("\\\"", 1)
        case 0x5C: return ("\\\\", 1)
        case 0x0A: return ("\\n", 1)
        case 0x0D: return ("\\r", 1)
        case 0x09: return ("\\t", 1)
        case 0..<0x20: return (unicodeEscape(UInt32(byte)), 1)
        default:
            // U+2028, U+2029 (E2 80 A8/A9) and U+FEFF (EF BB BF).
            let i1 = bytes.index(after: index)
            guard i1 != bytes.endIndex else { return nil }
            let i2 = bytes.index(after: i1)
            guard i2 != bytes.endIndex else { return nil }
            let (b1, b2) = (bytes[i1], bytes[i2])
            if byte == 0xE2, b1 == 0x80, b2 == 0xA8 || b2 == 0xA9 { return (unicodeEscape(0x2000 | 0x28 | UInt32(b2 & 1)), 3) }
            if byte == 0xEF, b1 == 0xBB, b2 == 0xBF { return (unicodeEscape(0xFEFF), 3) }
            return nil
        }
    }

    private static func unicodeEscape(_ value: UInt32) -> String {
        let hex = String(value, radix: 16)
        return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
    }
}
