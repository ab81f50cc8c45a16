import TiquICU
import TiquPattern
import TiquRules
import TiquText

/// Runs a rule set over documents: numerals, tokens (when used) and lexicon
/// hits make the lattice; each phase's program finds candidates; outputs are
/// evaluated exactly; the conflict policy picks the entities; later phases see
/// them. The same document always gives the same entities.
public struct Annotator: Sendable {
    public let ruleSet: RuleSet
    /// Shared by the copies of this annotator, so that threads annotating with one
    /// annotator reuse its matchers (MatcherPool.swift).
    private let matchers = MatcherPool()

    /// Documents annotated together hold all their lattices at once, so a round takes
    /// consecutive documents up to this many code points in all (a longer document goes
    /// alone): memory stays bounded by the longest document, whatever the group.
    let roundCodePoints: Int

    public init(ruleSet: RuleSet) {
        self.init(ruleSet: ruleSet, roundCodePoints: 1 << 18)
    }

    init(ruleSet: RuleSet, roundCodePoints: Int) {
        self.ruleSet = ruleSet
        self.roundCodePoints = roundCodePoints
    }

    /// What one phase found, for `tiqu explain`.
    public struct PhaseTrace: Sendable {
        public let phase: Int
        public let candidates: [Entity]
        public let accepted: [Entity]
        public let losses: [(loser: Entity, winner: Entity, reason: String)]
    }

    /// The entities of one document, sorted by (start, end, type).
    public func annotate(_ document: Document) throws(ICUError) -> [Entity] {
        var noWork: [RuleWork] = []
        return try run([document], trace: nil, work: &noWork)[0].get()
    }

    /// How many documents callers should pass to `annotate(_ documents:)` at once: the
    /// gain of annotating phase by phase was about the same with 8 reports as with 32,
    /// smaller groups share work out over threads more evenly, and a round holds its
    /// documents' lattices until its last phase (`tiqu eval` of the 993 test reports in
    /// one call, in rounds of 2^18 code points, peaked at 269 MB against 189 MB in groups
    /// of 8).
    public static let groupSize = 8

    /// Annotates several documents, phase by phase: every document's lattice first, then
    /// the first phase on each document, then the second, and so on. Each document gets
    /// exactly the entities `annotate(_ document:)` gives it. Why: a phase's matcher
    /// tables and the lexicon automaton are larger than the cache, and running all
    /// phases on one report before the next evicted each phase's tables before its next
    /// use. In this order `tiqu annotate` of the seed as 303 files took 3.12 s against
    /// 3.60 s (medians of five alternating runs). A document that fails (an ICU error)
    /// fails alone.
    public func annotate(_ documents: [Document]) -> [Result<[Entity], ICUError>] {
        var noWork: [RuleWork] = []
        return run(documents, trace: nil, work: &noWork)
    }

    /// Annotates and records every phase's candidates and decisions.
    public func trace(_ document: Document) throws(ICUError) -> [PhaseTrace] {
        var traces: [PhaseTrace] = []
        var noWork: [RuleWork] = []
        _ = try run([document], trace: { traces.append($0) }, work: &noWork)[0].get()
        return traces
    }

    /// Annotates and returns the matcher's work by rule (indexed like `ruleSet.rules`),
    /// for finding the rules that cost most.
    public func ruleWork(_ document: Document) throws(ICUError) -> [RuleWork] {
        var work = [RuleWork](repeating: RuleWork(), count: ruleSet.rules.count)
        _ = try run([document], trace: nil, work: &work)[0].get()
        return work
    }

    /// The pipeline, phase-major over rounds of `documents`; `trace` receives each
    /// phase's decisions on each document, and `work` (when not empty) each rule's
    /// matcher work.
    private func run(_ documents: [Document], trace: ((PhaseTrace) -> Void)?,
                     work: inout [RuleWork]) -> [Result<[Entity], ICUError>] {
        var results: [Result<[Entity], ICUError>] = []
        var first = 0
        while first < documents.count {
            var end = first + 1, codePoints = documents[first].count
            while end < documents.count && codePoints + documents[end].count <= roundCodePoints {
                codePoints += documents[end].count
                end += 1
            }
            results += run(round: documents[first..<end], trace: trace, work: &work)
            first = end
        }
        return results
    }

    /// Every document's lattice, then each phase on every document in turn.
    private func run(round documents: ArraySlice<Document>, trace: ((PhaseTrace) -> Void)?,
                     work: inout [RuleWork]) -> [Result<[Entity], ICUError>] {
        var items: [LatticeItems?] = []
        var failures: [ICUError?] = []
        for document in documents {
            do throws(ICUError) {
                items.append(try LatticeItems(document: document, ruleSet: ruleSet))
                failures.append(nil)
            } catch {
                items.append(nil)
                failures.append(error)
            }
        }
        for phase in ruleSet.phases {
            for k in items.indices where items[k] != nil {
                run(phase, on: &items[k]!, trace: trace, work: &work)   // in place: the lattice is not copied
            }
        }
        return zip(items, failures).map { items, failure in
            guard let items else { return .failure(failure!) }
            return .success(items.entities.sorted { ($0.start, $0.end, $0.type) < ($1.start, $1.end, $1.type) })
        }
    }

    /// One phase on one document: its candidates, the conflict policy, and the accepted
    /// entities added for the phases after it.
    private func run(_ phase: Phase, on items: inout LatticeItems, trace: ((PhaseTrace) -> Void)?, work: inout [RuleWork]) {
        let candidates = self.candidates(phase, items, work: &work)
        let (accepted, losses) = ConflictResolver.resolve(candidates, earlier: items.entities, documentLength: items.document.count,
                                                          explaining: trace != nil)
        trace?(PhaseTrace(phase: phase.number, candidates: candidates.map(\.entity), accepted: accepted,
                          losses: losses.map { ($0.loser.entity, $0.winner, $0.reason) }))
        items.add(seenByLaterPhases(accepted))
    }

    /// What later phases see of a phase's accepted entities: a veto only removes the
    /// candidates it overlaps, and is never an entity itself.
    func seenByLaterPhases(_ accepted: [Entity]) -> [Entity] {
        accepted.filter { !ruleSet.rules[$0.rule].veto }
    }

    /// The candidate entities of one phase: every rule's matches, turned into entities.
    /// When `work` is not empty, the phase's rules add their matcher work to it.
    func candidates(_ phase: Phase, _ items: LatticeItems, work: inout [RuleWork]) -> [ConflictResolver.Candidate] {
        let matches: [PatternMatch]
        if work.isEmpty {
            matches = matchers.withMatcher(for: phase.program) { $0.matches(in: items.lattice) }
        } else {
            var matcher = PatternMatcher(program: phase.program, profilingRules: true)
            matches = matcher.matches(in: items.lattice)
            for (k, ruleWork) in matcher.statistics.rules.enumerated() { work[phase.rules[k]] = work[phase.rules[k]] + ruleWork }
        }
        return matches.compactMap { match in
            let ruleIndex = phase.rules[match.rule]
            return entity(for: match, rule: ruleSet.rules[ruleIndex], index: ruleIndex, items: items).map {
                ConflictResolver.Candidate(entity: $0, priority: ruleSet.rules[ruleIndex].priority)
            }
        }
    }

    /// A match becomes an entity: its span (from the `span` captures), its
    /// outputs, and the captures that took part, for provenance. `rule` is
    /// `ruleSet.rules[index]`, passed borrowed: binding it here would copy the rule
    /// (and retain its arrays) once per match.
    func entity(for match: PatternMatch, rule: CompiledRule, index: Int, items: LatticeItems) -> Entity? {
        let start = rule.spanFrom.flatMap { match.captures[$0]?.lowerBound } ?? match.start
        let end = rule.spanTo.flatMap { match.captures[$0]?.upperBound } ?? match.end
        guard start < end else { return nil }
        var entity = Entity(start: start, end: end, type: rule.type, rule: index)
        for (key, expression) in rule.outputs {
            assign(OutputEvaluator.evaluate(expression, items: items, rule: rule, captures: match.captures), to: key, of: &entity)
        }
        entity.captures = zip(rule.captureNames, match.captures).compactMap { name, span in
            span.map { Entity.Capture(name: name, start: $0.lowerBound, end: $0.upperBound) }
        }
        return entity
    }

    private func assign(_ value: OutputValue, to key: String, of entity: inout Entity) {
        let kept = value.isPresent || (key == "unit" && value == .text(""))  // unit "" is meaningful: 35万 people
        switch (key, kept ? (["value", "min", "max"].contains(key) ? value.asNumber : value) : .missing) {
        case (_, .missing): return
        case ("value", .number(let number)): entity.value = number
        case ("value", .range(let low, let high)): entity.min = low; entity.max = high
        case ("min", .number(let number)): entity.min = number
        case ("max", .number(let number)): entity.max = number
        case ("unit", .text(let text)): entity.unit = text
        case ("qualifier", .text(let text)): entity.qualifier = text
        case (_, .text(let text)): entity.extra.append(Entity.Attribute(key: key, value: text))
        case (_, .number(let number)): entity.extra.append(Entity.Attribute(key: key, value: number.description))
        case (_, .range(let low, let high)): entity.extra.append(Entity.Attribute(key: key, value: "\(low)..\(high)"))
        }
    }
}
