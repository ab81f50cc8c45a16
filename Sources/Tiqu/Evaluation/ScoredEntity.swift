import Foundation

/// An entity as the evaluator sees it, from a gold file, a prediction file,
/// or a fresh annotation: ANNOTATION.md's fields plus optional provenance.
public struct ScoredEntity: Sendable, Hashable {
    public var doc: String
    public var start: Int
    public var end: Int
    public var type: String
    public var text: String
    public var value: Double?
    public var min: Double?
    public var max: Double?
    public var unit: String?
    public var qualifier: String?
    public var rule: String?
    public var source: String?

    public var span: Range<Int> { start..<end }

    /// Same value (or bounds), unit and qualifier; numbers with a relative
    /// tolerance of 1e-9 (ANNOTATION.md's scoring rule).
    public func sameValue(as other: ScoredEntity) -> Bool {
        func close(_ a: Double?, _ b: Double?) -> Bool {
            switch (a, b) {
            case (nil, nil): true
            case let (x?, y?): abs(x - y) <= 1e-9 * Swift.max(1, abs(x), abs(y))
            default: false
            }
        }
        return close(value, other.value) && close(min, other.min) && close(max, other.max)
            && (unit ?? "") == (other.unit ?? "") && (qualifier ?? "exact") == (other.qualifier ?? "exact")
    }

    /// Reads one JSONL line of the gold / prediction schema.
    public static func parse(_ line: Substring, doc: String) throws -> ScoredEntity {
        guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
              let start = object["start"] as? Int, let end = object["end"] as? Int, let type = object["type"] as? String
        else { throw EvaluationError.badLine(doc: doc, line: String(line.prefix(120))) }
        func number(_ key: String) -> Double? { (object[key] as? NSNumber)?.doubleValue }
        return ScoredEntity(doc: doc, start: start, end: end, type: type, text: object["text"] as? String ?? "",
                            value: number("value"), min: number("min"), max: number("max"),
                            unit: object["unit"] as? String, qualifier: object["qualifier"] as? String,
                            rule: object["rule"] as? String, source: object["source"] as? String)
    }
}

public enum EvaluationError: Error, CustomStringConvertible {
    case badLine(doc: String, line: String)
    case missing(path: String, what: String)
    case textMismatch(doc: String, entity: String, actual: String)

    public var description: String {
        switch self {
        case let .badLine(doc, line): "\(doc): not an entity line (needs start, end, type): \(line)"
        case let .missing(path, what): "\(path): \(what)"
        case let .textMismatch(doc, entity, actual):
            "\(doc): gold text \(entity) is not the document's text there (\(actual)); offsets are code points into the file as decoded"
        }
    }
}
