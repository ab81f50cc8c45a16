import TiquNumerals
import TiquText

extension Numeral {
    /// The `tiqu numbers` line: start, end, text, value (or min and max),
    /// kind, and qualifier when one was found.
    public func json(in document: Document) -> JSONValue {
        var fields: [(String, JSONValue)] = [
            ("start", .int(start)), ("end", .int(end)), ("text", .string(document.slice(start, end))),
        ]
        if let value { fields.append(("value", .number(value))) }
        if let min, let max { fields += [("min", .number(min)), ("max", .number(max))] }
        fields.append(("kind", .string(kind.rawValue)))
        if let boundKind { fields.append(("bound_kind", .string(boundKind.rawValue))) }
        if let magnitude { fields.append(("magnitude", .string(magnitude))) }
        if let qualifier {
            fields.append(("qualifier", .string(qualifier.rawValue)))
            if let span = qualifierSpan {
                fields.append(("qualifier_text", .string(document.slice(span))))
                fields.append(("qualifier_start", .int(span.lowerBound)))
                fields.append(("qualifier_end", .int(span.upperBound)))
            }
        }
        return .object(fields)
    }
}
