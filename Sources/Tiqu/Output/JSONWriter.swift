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
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029 || scalar.value == 0xFEFF:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }
}
