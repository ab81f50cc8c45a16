import Foundation
import TiquText

/// brat standoff (`NAME.ann` beside `NAME.txt`), as brat and INCEpTION read it.
/// Offsets are code points (brat's are Python string indices). Values, units
/// and qualifiers travel as an AnnotatorNotes line per entity:
///
///     T3	QUANTITY 347 352	248亿元
///     #3	AnnotatorNotes T3	value=24800000000 unit=元 qualifier=exact
public enum BratFormat {
    public static func read(annPath: String) throws -> AnnotatedDocument {
        let textPath = String(annPath.dropLast(4)) + ".txt"
        let document = try Document.load(path: textPath)
        let name = URL(fileURLWithPath: annPath).deletingPathExtension().lastPathComponent
        guard let ann = try? String(contentsOfFile: annPath, encoding: .utf8) else {
            throw EvaluationError.missing(path: annPath, what: "cannot read the .ann file")
        }
        var entities: [String: ScoredEntity] = [:]
        var order: [String] = []
        var notes: [String: String] = [:]
        for line in ann.nonEmptyTextLines() {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            if fields[0].hasPrefix("T"), fields.count >= 2 {
                let header = fields[1].split(separator: " ")
                // A discontinuous span "0 5;8 12" is taken from its first start to its last end.
                guard header.count >= 3, let start = Int(header[1]), let end = Int(header.last!.split(separator: ";").last!) else {
                    throw EvaluationError.badLine(doc: annPath, line: String(line))
                }
                entities[fields[0]] = ScoredEntity(doc: name, start: start, end: end, type: String(header[0]),
                                                   text: fields.count > 2 ? fields[2] : "")
                order.append(fields[0])
            } else if fields[0].hasPrefix("#"), fields.count >= 3, fields[1].hasPrefix("AnnotatorNotes ") {
                notes[String(fields[1].dropFirst("AnnotatorNotes ".count))] = fields[2]
            }
        }
        let result = order.map { id -> ScoredEntity in
            var entity = entities[id]!
            for pair in (notes[id] ?? "").split(separator: " ") {
                let kv = pair.split(separator: "=", maxSplits: 1).map(String.init)
                guard kv.count == 2 else { continue }
                switch kv[0] {
                case "value": entity.value = Double(kv[1])
                case "min": entity.min = Double(kv[1])
                case "max": entity.max = Double(kv[1])
                case "unit": entity.unit = kv[1] == "\"\"" ? "" : kv[1]
                case "qualifier": entity.qualifier = kv[1]
                default: break
                }
            }
            return entity
        }
        return AnnotatedDocument(name: name, document: document, entities: result)
    }

    /// The .ann text: one T line per entity, and a notes line with its value,
    /// unit, qualifier and (for predictions) the rule that produced it.
    public static func annText(_ annotated: AnnotatedDocument) -> String {
        var out = ""
        for (k, entity) in annotated.entities.enumerated() {
            let text = annotated.document.slice(entity.start, entity.end).replacingNewlines()
            out += "T\(k + 1)\t\(entity.type) \(entity.start) \(entity.end)\t\(text)\n"
            var notes: [String] = []
            if let v = entity.value { notes.append("value=\(JSONValue.decimal(v).serialized())") }
            if let v = entity.min { notes.append("min=\(JSONValue.decimal(v).serialized())") }
            if let v = entity.max { notes.append("max=\(JSONValue.decimal(v).serialized())") }
            if let unit = entity.unit { notes.append("unit=\(unit.isEmpty ? "\"\"" : unit)") }
            if let q = entity.qualifier { notes.append("qualifier=\(q)") }
            if let rule = entity.rule { notes.append("rule=\(rule)") }
            if let source = entity.source { notes.append("source=\(source)") }
            if !notes.isEmpty { out += "#\(k + 1)\tAnnotatorNotes T\(k + 1)\t\(notes.joined(separator: " "))\n" }
        }
        return out
    }
}
