import TiquRules
import TiquText

extension Entity {
    /// One line of ANNOTATION.md's schema plus provenance: the rule's id, its
    /// `source` (rules directory / file : line) and the named captures.
    public func json(in document: Document, ruleSet: RuleSet, doc: String? = nil) -> JSONValue {
        var fields: [(String, JSONValue)] = doc.map { [("doc", .string($0))] } ?? []
        fields += [("start", .int(start)), ("end", .int(end)), ("type", .string(type)), ("text", .string(document.slice(start, end)))]
        if let value { fields.append(("value", .number(value))) }
        if let min { fields.append(("min", .number(min))) }
        if let max { fields.append(("max", .number(max))) }
        if let unit { fields.append(("unit", .string(unit))) }
        if let qualifier { fields.append(("qualifier", .string(qualifier))) }
        fields += extra.map { ($0.key, .string($0.value)) }
        let (rule, source) = provenance(in: ruleSet)
        fields.append(("rule", .string(rule)))
        fields.append(("source", .string(source)))
        fields.append(("captures", .object(captures.map { capture in
            (capture.name, .object([("start", .int(capture.start)), ("end", .int(capture.end)),
                                    ("text", .string(document.slice(capture.start, capture.end)))]))
        })))
        return .object(fields)
    }
}
