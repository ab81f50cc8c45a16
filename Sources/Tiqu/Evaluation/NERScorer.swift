/// SemEval-2013 task 9.1 scoring, as nervaluate computes it, in four modes:
///
/// | a prediction that... | strict | exact | partial | type |
/// |---|---|---|---|---|
/// | has a gold entity's span and type | COR | COR | COR | COR |
/// | has a gold span, another type | INC | COR | COR | INC |
/// | overlaps a gold entity of its type | INC | INC | PAR | COR |
/// | overlaps one of another type | INC | INC | PAR | INC |
/// | overlaps nothing | SPU | SPU | SPU | SPU |
///
/// and a gold entity that no prediction overlaps is MIS. Spans are half-open
/// (touching spans do not overlap). POS = COR+INC+PAR+MIS, ACT = COR+INC+PAR+SPU;
/// precision = (COR + ½PAR)/ACT and recall = (COR + ½PAR)/POS, where PAR
/// counts only in partial mode. Each prediction is compared with the best gold
/// entity it touches (same span and type, then same span, then same type, then
/// any); as in nervaluate, several predictions may touch one gold entity.
public struct NERScorer {
    public enum Mode: String, CaseIterable, Sendable { case strict, exact, partial, type }

    public struct Counts: Sendable, Equatable {
        public var correct = 0, incorrect = 0, partial = 0, missed = 0, spurious = 0

        public var possible: Int { correct + incorrect + partial + missed }
        public var actual: Int { correct + incorrect + partial + spurious }

        func credit(_ mode: Mode) -> Double { Double(correct) + (mode == .partial ? 0.5 * Double(partial) : 0) }
        public func precision(_ mode: Mode) -> Double { actual == 0 ? 0 : credit(mode) / Double(actual) }
        public func recall(_ mode: Mode) -> Double { possible == 0 ? 0 : credit(mode) / Double(possible) }
        public func f1(_ mode: Mode) -> Double {
            let p = precision(mode), r = recall(mode)
            return p + r == 0 ? 0 : 2 * p * r / (p + r)
        }

        static func + (a: Counts, b: Counts) -> Counts {
            Counts(correct: a.correct + b.correct, incorrect: a.incorrect + b.incorrect, partial: a.partial + b.partial,
                   missed: a.missed + b.missed, spurious: a.spurious + b.spurious)
        }
    }

    /// What happened to one entity, for error listings.
    public enum Outcome: Sendable, Equatable {
        case matched(gold: ScoredEntity)
        case wrongType(gold: ScoredEntity)
        case overlapping(gold: ScoredEntity)
        case spurious
    }

    /// The outcome of each prediction and the gold entities no prediction touched.
    public static func align(gold: [ScoredEntity], predicted: [ScoredEntity]) -> (outcomes: [Outcome], missed: [ScoredEntity]) {
        var touched = Set<Int>()
        let outcomes = predicted.map { p -> Outcome in
            let overlapping = gold.indices.filter { gold[$0].start < p.end && p.start < gold[$0].end }
            touched.formUnion(overlapping)
            if let i = overlapping.first(where: { gold[$0].span == p.span && gold[$0].type == p.type }) { return .matched(gold: gold[i]) }
            if let i = overlapping.first(where: { gold[$0].span == p.span }) { return .wrongType(gold: gold[i]) }
            if let i = overlapping.first(where: { gold[$0].type == p.type }) ?? overlapping.first { return .overlapping(gold: gold[i]) }
            return .spurious
        }
        return (outcomes, gold.indices.filter { !touched.contains($0) }.map { gold[$0] })
    }

    public static func counts(gold: [ScoredEntity], predicted: [ScoredEntity], mode: Mode) -> Counts {
        let (outcomes, missed) = align(gold: gold, predicted: predicted)
        var counts = Counts(missed: missed.count)
        for (outcome, p) in zip(outcomes, predicted) {
            switch (outcome, mode) {
            case (.matched, _): counts.correct += 1
            case (.wrongType, .exact), (.wrongType, .partial): counts.correct += 1
            case (.wrongType, _): counts.incorrect += 1
            case (.overlapping, .partial): counts.partial += 1
            case (.overlapping(let g), .type): if g.type == p.type { counts.correct += 1 } else { counts.incorrect += 1 }
            case (.overlapping, _): counts.incorrect += 1
            case (.spurious, _): counts.spurious += 1
            }
        }
        return counts
    }
}
