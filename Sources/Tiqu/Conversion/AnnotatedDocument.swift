import Foundation
import TiquText

/// A document with entities, the common ground of every format `tiqu convert`
/// reads and writes.
public struct AnnotatedDocument {
    public var name: String
    public var document: Document
    public var entities: [ScoredEntity]

    public init(name: String, document: Document, entities: [ScoredEntity]) {
        self.name = name
        self.document = document
        self.entities = entities
    }

    /// Problems that make the annotations unusable as gold: spans outside the
    /// text, and entity texts that are not the document's text at the offsets.
    public func problems() -> [String] {
        entities.compactMap { entity in
            guard entity.start >= 0, entity.start < entity.end, entity.end <= document.count else {
                return "\(name): \(entity.type) \(entity.start)..<\(entity.end) lies outside the text (\(document.count) code points)"
            }
            let actual = document.slice(entity.start, entity.end)
            return entity.text.isEmpty || entity.text == actual ? nil
                : "\(name): \(entity.type) at \(entity.start) says \"\(entity.text)\" but the text there is \"\(actual)\""
        }
    }

    /// The gold JSONL lines (ANNOTATION.md), sorted by start then end.
    public func goldLines() -> String {
        entities.sorted { ($0.start, $0.end, $0.type) < ($1.start, $1.end, $1.type) }.map { entity in
            var fields: [(String, JSONValue)] = [("start", .int(entity.start)), ("end", .int(entity.end)),
                                                ("type", .string(entity.type)), ("text", .string(document.slice(entity.start, entity.end)))]
            if let value = entity.value { fields.append(("value", JSONValue.decimal(value))) }
            if let min = entity.min { fields.append(("min", JSONValue.decimal(min))) }
            if let max = entity.max { fields.append(("max", JSONValue.decimal(max))) }
            if let unit = entity.unit { fields.append(("unit", .string(unit))) }
            if let qualifier = entity.qualifier { fields.append(("qualifier", .string(qualifier))) }
            return JSONValue.object(fields).serialized() + "\n"
        }.joined()
    }
}

extension JSONValue {
    /// A Double read from a file, written back without binary noise (17
    /// significant digits, trailing zeros dropped; integers as integers).
    static func decimal(_ x: Double) -> JSONValue {
        if x == x.rounded(), abs(x) < 9e15 { return .int(Int(x)) }
        var text = String(format: "%.15g", x)
        if Double(text) != x { text = String(format: "%.17g", x) }
        return .number(ExactNumber(decimal: Substring(text.trimmingPrefix("-"))).map { text.hasPrefix("-") ? -$0 : $0 } ?? .zero)
    }
}
