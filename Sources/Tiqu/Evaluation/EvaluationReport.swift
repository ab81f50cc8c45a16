import TiquText

/// The scores of one evaluation run: per type and overall, in the four
/// nervaluate modes, with value accuracy for QUANTITY and PERCENT.
public struct EvaluationReport {
    public static let valueTypes: Set<String> = ["QUANTITY", "PERCENT"]

    public let types: [String]
    /// type -> mode -> counts; the key "ALL" holds all types together.
    public let counts: [String: [NERScorer.Mode: NERScorer.Counts]]
    /// type -> (strict matches, of which value, unit and qualifier are right).
    public let valueAccuracy: [String: (matched: Int, right: Int)]
    let items: [CorpusEvaluation.Item]

    init(_ items: [CorpusEvaluation.Item]) {
        self.items = items
        let types = Set(items.flatMap { $0.gold.map(\.type) + $0.predicted.map(\.type) }).sorted()
        self.types = types
        var counts: [String: [NERScorer.Mode: NERScorer.Counts]] = [:]
        for type in types + ["ALL"] {
            for mode in NERScorer.Mode.allCases {
                counts[type, default: [:]][mode] = items.reduce(NERScorer.Counts()) { total, item in
                    let gold = type == "ALL" ? item.gold : item.gold.filter { $0.type == type }
                    let predicted = type == "ALL" ? item.predicted : item.predicted.filter { $0.type == type }
                    return total + NERScorer.counts(gold: gold, predicted: predicted, mode: mode)
                }
            }
        }
        self.counts = counts
        var accuracy: [String: (Int, Int)] = [:]
        for item in items {
            let (outcomes, _) = NERScorer.align(gold: item.gold, predicted: item.predicted)
            for (outcome, predicted) in zip(outcomes, item.predicted) where EvaluationReport.valueTypes.contains(predicted.type) {
                guard case .matched(let gold) = outcome else { continue }
                let (matched, right) = accuracy[predicted.type] ?? (0, 0)
                accuracy[predicted.type] = (matched + 1, right + (predicted.sameValue(as: gold) ? 1 : 0))
            }
        }
        valueAccuracy = accuracy
    }

    public func f1(_ type: String = "ALL", _ mode: NERScorer.Mode = .strict) -> Double {
        counts[type]?[mode]?.f1(mode) ?? 0
    }

    public var overallValueAccuracy: Double {
        let (matched, right) = valueAccuracy.values.reduce((0, 0)) { ($0.0 + $1.matched, $0.1 + $1.right) }
        return matched == 0 ? 1 : Double(right) / Double(matched)
    }

    // MARK: text

    public func table() -> String {
        var out = "documents: \(items.count)   gold entities: \(items.reduce(0) { $0 + $1.gold.count })   predicted: \(items.reduce(0) { $0 + $1.predicted.count })\n\n"
        out += pad("type", 10) + NERScorer.Mode.allCases.map { pad("\($0.rawValue) P/R/F1", 22) }.joined()
            + "   COR  INC  PAR  MIS  SPU   value acc.\n"
        for type in types + ["ALL"] {
            out += pad(type, 10)
            for mode in NERScorer.Mode.allCases {
                let c = counts[type]![mode]!
                out += pad(String(format: "%.3f/%.3f/%.3f", c.precision(mode), c.recall(mode), c.f1(mode)), 22)
            }
            let strict = counts[type]![.strict]!
            out += String(format: " %5d%5d%5d%5d%5d", strict.correct, strict.incorrect, strict.partial, strict.missed, strict.spurious)
            if type == "ALL" {
                out += String(format: "   %.3f", overallValueAccuracy)
            } else if let (matched, right) = valueAccuracy[type] {
                out += String(format: "   %.3f (%d/%d)", matched == 0 ? 1 : Double(right) / Double(matched), right, matched)
            }
            out += "\n"
        }
        out += "\n(COR..SPU are strict-mode counts; partial mode credits PAR by half.)\n"
        return out
    }

    private func pad(_ s: String, _ width: Int) -> String { s.padding(toLength: max(width, s.count + 1), withPad: " ", startingAt: 0) }

    /// Every miss, false alarm and wrong value, with context and, for a
    /// false alarm, the rule and source line that produced it.
    public func errors() -> String {
        var out = ""
        for item in items {
            let outcomes = NERScorer.align(gold: item.gold, predicted: item.predicted).outcomes
            var lines: [(Int, String)] = EvaluationReport.missed(item).map { ($0.start, "MISS  \($0.type) \"\($0.text)\"  \(context($0, item.document))") }
            for (outcome, p) in zip(outcomes, item.predicted) {
                let provenance = "  [\(p.rule ?? "?") \(p.source ?? "")]"
                switch outcome {
                case .matched(let gold):
                    if EvaluationReport.valueTypes.contains(p.type), !p.sameValue(as: gold) {
                        lines.append((p.start, "VALUE \(p.type) \"\(p.text)\" got \(describe(p)) want \(describe(gold))  \(context(p, item.document))\(provenance)"))
                    }
                case .wrongType(let gold):
                    lines.append((p.start, "TYPE  \(p.type) \"\(p.text)\" is \(gold.type) in gold  \(context(p, item.document))\(provenance)"))
                case .overlapping(let gold):
                    lines.append((p.start, "SPAN  \(p.type) \"\(p.text)\" vs gold \(gold.type) \"\(gold.text)\"  \(context(p, item.document))\(provenance)"))
                case .spurious:
                    lines.append((p.start, "FALSE \(p.type) \"\(p.text)\"  \(context(p, item.document))\(provenance)"))
                }
            }
            guard !lines.isEmpty else { continue }
            out += "== \(item.name)\n" + lines.sorted { $0.0 < $1.0 }.map { "  @\($0.0) \($0.1)\n" }.joined()
        }
        return out
    }

    /// The gold entities no prediction of their own type touches: the MIS of the
    /// per-type rows. A PROJECT missed around a PLACE that was found is listed too;
    /// one whose span was found with another type is listed as TYPE instead.
    static func missed(_ item: CorpusEvaluation.Item) -> [ScoredEntity] {
        item.gold.filter { g in
            !item.predicted.contains { p in p.start < g.end && g.start < p.end && (p.type == g.type || p.span == g.span) }
        }
    }

    private func describe(_ e: ScoredEntity) -> String {
        let amount = e.value.map { "\($0)" } ?? "\(e.min.map { "\($0)" } ?? "?")..\(e.max.map { "\($0)" } ?? "?")"
        return "\(amount) \(e.unit ?? "-") \(e.qualifier ?? "exact")"
    }

    private func context(_ e: ScoredEntity, _ document: Document) -> String {
        let left = document.slice(max(0, e.start - 12), e.start), right = document.slice(e.end, min(document.count, e.end + 12))
        return "…" + (left + "【" + document.slice(e.start, e.end) + "】" + right).replacingNewlines() + "…"
    }
}

extension String {
    func replacingNewlines() -> String { String(map { $0 == "\n" || $0 == "\r\n" || $0 == "\r" ? "⏎" : $0 }) }
}
