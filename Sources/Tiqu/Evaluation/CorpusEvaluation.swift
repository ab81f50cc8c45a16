import Foundation
import TiquRules
import TiquText

/// A corpus to score: documents with their gold entities and the entities
/// predicted for them (by running rules, or read from saved prediction files).
public struct CorpusEvaluation {
    public struct Item {
        public let name: String
        public let document: Document
        public let gold: [ScoredEntity]
        public var predicted: [ScoredEntity]
    }

    public var items: [Item]

    /// `docs/NAME.txt` with `gold/NAME.jsonl`; `names` limits it (a split).
    /// Every gold entity's text must be the document's text at its offsets.
    public static func load(docs: String, gold: String, names: [String]? = nil) throws -> CorpusEvaluation {
        guard let listing = try? FileManager.default.contentsOfDirectory(atPath: docs) else {
            throw EvaluationError.missing(path: docs, what: "no such directory of documents (pass --docs DIR and --gold DIR, or run from the repository root, where Corpus/ is)")
        }
        let available = listing.filter { $0.hasSuffix(".txt") }.map { String($0.dropLast(4)) }.sorted()
        let chosen = names ?? available
        var items: [Item] = []
        for name in chosen {
            guard available.contains(name) else { throw EvaluationError.missing(path: "\(docs)/\(name).txt", what: "no such document") }
            let document = try Document.load(path: "\(docs)/\(name).txt")
            let goldPath = "\(gold)/\(name).jsonl"
            guard let goldText = try? String(contentsOfFile: goldPath, encoding: .utf8) else {
                throw EvaluationError.missing(path: goldPath, what: "no gold file for \(name).txt")
            }
            let entities = try goldText.nonEmptyTextLines().map { try ScoredEntity.parse($0, doc: name) }
            for entity in entities where entity.end > document.count || document.slice(entity.start, entity.end) != entity.text {
                throw EvaluationError.textMismatch(doc: goldPath, entity: "\(entity.text)@\(entity.start)",
                                                   actual: entity.end <= document.count ? document.slice(entity.start, entity.end) : "past the end")
            }
            items.append(Item(name: name, document: document, gold: entities, predicted: []))
        }
        return CorpusEvaluation(items: items)
    }

    /// Names listed for `split` ("dev", "test") in a split file of `NAME<TAB>SPLIT` lines.
    public static func names(inSplit split: String, file: String) throws -> [String] {
        guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
            throw EvaluationError.missing(path: file, what: "no split file (lines of NAME<TAB>dev|test)")
        }
        return text.nonEmptyTextLines().compactMap { line in
            let fields = line.split(separator: "\t")
            return fields.count == 2 && fields[1] == split ? String(fields[0]) : nil
        }
    }

    /// Predictions from running the rules (on groups of documents, as `tiqu annotate` does).
    public mutating func annotate(with annotator: Annotator) throws {
        for first in stride(from: 0, to: items.count, by: Annotator.groupSize) {
            let group = first..<min(items.count, first + Annotator.groupSize)
            for (index, result) in zip(group, annotator.annotate(group.map { items[$0].document })) {
                items[index].predicted = try result.get().map { entity in
                    entity.scored(doc: items[index].name, document: items[index].document, ruleSet: annotator.ruleSet)
                }
            }
        }
    }

    /// Predictions saved by `tiqu annotate --out DIR` (DIR/NAME.jsonl).
    public mutating func readPredictions(from directory: String) throws {
        for index in items.indices {
            let path = "\(directory)/\(items[index].name).jsonl"
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                throw EvaluationError.missing(path: path, what: "no predictions for \(items[index].name)")
            }
            items[index].predicted = try text.nonEmptyTextLines().map { try ScoredEntity.parse($0, doc: items[index].name) }
        }
    }

    public func report() -> EvaluationReport { EvaluationReport(items) }
}

extension Entity {
    /// The entity as the evaluator and the converters see it (with its rule and source).
    public func scored(doc: String, document: Document, ruleSet: RuleSet) -> ScoredEntity {
        let (rule, source) = provenance(in: ruleSet)
        return ScoredEntity(doc: doc, start: start, end: end, type: type, text: document.slice(start, end),
                            value: value?.doubleValue, min: min?.doubleValue, max: max?.doubleValue, unit: unit,
                            qualifier: qualifier, rule: rule, source: source)
    }
}
