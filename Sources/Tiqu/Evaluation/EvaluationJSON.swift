import Foundation
import TiquNumerals

extension EvaluationReport {
    /// Machine-readable scores, and every prediction with whether it is
    /// strictly correct: the file `--baseline` compares against.
    public func json() -> JSONValue {
        func rounded(_ x: Double) -> JSONValue { .number(ExactNumber(decimal: Substring(String(format: "%.4f", x))) ?? .zero) }
        let scores: [(String, JSONValue)] = (types + ["ALL"]).map { type in
            (type, .object(NERScorer.Mode.allCases.map { mode in
                let c = counts[type]![mode]!
                return (mode.rawValue, .object([
                    ("precision", rounded(c.precision(mode))), ("recall", rounded(c.recall(mode))), ("f1", rounded(c.f1(mode))),
                    ("cor", .int(c.correct)), ("inc", .int(c.incorrect)), ("par", .int(c.partial)),
                    ("mis", .int(c.missed)), ("spu", .int(c.spurious)),
                ]))
            }))
        }
        let accuracy: [(String, JSONValue)] = valueAccuracy.keys.sorted().map { type in
            let (matched, right) = valueAccuracy[type]!
            return (type, .object([("matched", .int(matched)), ("right", .int(right))]))
        }
        return .object([
            ("documents", .int(items.count)), ("scores", .object(scores)), ("value_accuracy", .object(accuracy)),
            ("predictions", .array(predictionRecords().map { $0.json })),
        ])
    }

    struct PredictionRecord: Hashable {
        let doc: String, start: Int, end: Int, type: String, text: String, correct: Bool
        var key: String { "\(doc)\t\(start)\t\(end)\t\(type)" }
        var json: JSONValue {
            .object([("doc", .string(doc)), ("start", .int(start)), ("end", .int(end)), ("type", .string(type)),
                     ("text", .string(text)), ("correct", .bool(correct))])
        }
    }

    func predictionRecords() -> [PredictionRecord] {
        items.flatMap { item in
            zip(NERScorer.align(gold: item.gold, predicted: item.predicted).outcomes, item.predicted).map { outcome, p in
                var correct = false
                if case .matched = outcome { correct = true }
                return PredictionRecord(doc: p.doc, start: p.start, end: p.end, type: p.type, text: p.text, correct: correct)
            }
        }
    }

    /// Per-type strict F1 deltas and exactly which predictions appeared or
    /// disappeared against a saved `--json` run.
    public func compare(toBaseline path: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path),
              let base = try JSONSerialization.jsonObject(with: data) as? [String: Any],
              let scores = base["scores"] as? [String: Any], let predictions = base["predictions"] as? [[String: Any]]
        else { throw EvaluationError.missing(path: path, what: "not a `tiqu eval --json` output") }
        var out = "against \(path):\n"
        for type in types + ["ALL"] {
            let old = ((scores[type] as? [String: Any])?["strict"] as? [String: Any])?["f1"] as? Double ?? 0
            // The baseline holds F1 to four places (as `--json` writes it); so must the
            // comparison, or an unchanged run reads -0.000.
            let new = (f1(type) * 10_000).rounded() / 10_000
            out += "  \(type.padding(toLength: 10, withPad: " ", startingAt: 0)) strict F1 \(String(format: "%.3f -> %.3f (%+.3f)", old, new, new - old))\n"
        }
        let before = Dictionary(predictions.map { p -> (String, (String, Bool)) in
            let key = "\(p["doc"] ?? "")\t\(p["start"] ?? "")\t\(p["end"] ?? "")\t\(p["type"] ?? "")"
            return (key, (p["text"] as? String ?? "", p["correct"] as? Bool ?? false))
        }, uniquingKeysWith: { a, _ in a })
        let now = predictionRecords()
        let nowKeys = Set(now.map(\.key))
        for record in now where before[record.key] == nil {
            out += "  + \(record.doc) @\(record.start) \(record.type) \"\(record.text)\" \(record.correct ? "(correct)" : "(wrong)")\n"
        }
        for (key, (text, correct)) in before.sorted(by: { $0.key < $1.key }) where !nowKeys.contains(key) {
            let fields = key.split(separator: "\t")
            out += "  - \(fields[0]) @\(fields[1]) \(fields[3]) \"\(text)\" \(correct ? "(was correct)" : "(was wrong)")\n"
        }
        return out
    }
}
