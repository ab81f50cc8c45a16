import Foundation
import TiquText

/// The span JSONL/JSON exports of doccano, Label Studio and Prodigy: one
/// document per record, with its text and labelled character spans.
///
/// - doccano: `{"text", "label": [[start, end, "TYPE"], ...]}` or
///   `{"text", "entities": [{"start_offset", "end_offset", "label"}]}`; code points.
/// - Prodigy: `{"text", "spans": [{"start", "end", "label"}]}`; code points.
/// - Label Studio: a JSON array of tasks `{"data": {"text"}, "annotations":
///   [{"result": [{"value": {"start", "end", "labels": ["TYPE"]}}]}]}`. Its
///   offsets are JavaScript string indices (UTF-16 units) and are converted to
///   code points here; they differ from code points after any character outside the BMP.
///
/// A record's name is its "id" (or meta.name, or data.id), else its position.
public enum SpanFormat: String, CaseIterable, Sendable {
    case doccano, prodigy, labelStudio = "label-studio"

    public func read(path: String) throws -> [AnnotatedDocument] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw EvaluationError.missing(path: path, what: "cannot read the file")
        }
        let records: [[String: Any]]
        if self == .labelStudio {
            guard let tasks = try JSONSerialization.jsonObject(with: data) as? [[String: Any]] else {
                throw EvaluationError.missing(path: path, what: "not a Label Studio JSON export (an array of tasks)")
            }
            records = tasks
        } else {
            records = try String(decoding: data, as: UTF8.self).nonEmptyTextLines().map { line in
                guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
                    throw EvaluationError.badLine(doc: path, line: String(line.prefix(80)))
                }
                return object
            }
        }
        return try records.enumerated().map { index, record in try document(record, index: index, path: path) }
    }

    private func document(_ record: [String: Any], index: Int, path: String) throws -> AnnotatedDocument {
        let data = record["data"] as? [String: Any]
        guard let text = record["text"] as? String ?? data?["text"] as? String else {
            throw EvaluationError.missing(path: path, what: "record \(index + 1) has no text")
        }
        let meta = record["meta"] as? [String: Any]
        let rawName = record["id"] ?? meta?["name"] ?? data?["id"] ?? "doc-\(index + 1)"
        let name = "\(rawName)".replacingOccurrences(of: "/", with: "_")
        let document = Document(name: name, text: text)
        let spans = try self.spans(record)
        let buffer = self == .labelStudio ? UTF16Buffer(document) : nil
        let entities = spans.map { span -> ScoredEntity in
            let start = buffer?.codePointOffset(ofUnit: min(span.start, buffer!.units.count)) ?? span.start
            let end = buffer?.codePointOffset(ofUnit: min(span.end, buffer!.units.count)) ?? span.end
            return ScoredEntity(doc: name, start: start, end: end, type: span.label, text: "")
        }
        return AnnotatedDocument(name: name, document: document, entities: entities)
    }

    private func spans(_ record: [String: Any]) throws -> [(start: Int, end: Int, label: String)] {
        switch self {
        case .doccano:
            if let labels = record["label"] as? [[Any]] {
                return labels.compactMap { item in
                    guard item.count >= 3, let s = item[0] as? Int, let e = item[1] as? Int, let l = item[2] as? String else { return nil }
                    return (s, e, l)
                }
            }
            return (record["entities"] as? [[String: Any]] ?? []).compactMap { item in
                guard let s = item["start_offset"] as? Int, let e = item["end_offset"] as? Int, let l = item["label"] as? String else { return nil }
                return (s, e, l)
            }
        case .prodigy:
            return (record["spans"] as? [[String: Any]] ?? []).compactMap { item in
                guard let s = item["start"] as? Int, let e = item["end"] as? Int, let l = item["label"] as? String else { return nil }
                return (s, e, l)
            }
        case .labelStudio:
            let annotations = record["annotations"] as? [[String: Any]] ?? record["completions"] as? [[String: Any]] ?? []
            return (annotations.first?["result"] as? [[String: Any]] ?? []).compactMap { result in
                guard let value = result["value"] as? [String: Any], let s = value["start"] as? Int, let e = value["end"] as? Int,
                      let label = (value["labels"] as? [String])?.first else { return nil }
                return (s, e, label)
            }
        }
    }
}
