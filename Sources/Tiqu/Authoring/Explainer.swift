import TiquICU
import TiquNumerals
import TiquPattern
import TiquRules
import TiquText

/// `tiqu explain`: what the rules saw and decided on a piece of text, in
/// words an author can act on: the lattice (tokens, numerals, lexicon hits),
/// every candidate with its rule, the winners, and why each loser lost; and
/// for one rule that did not match, how far its pattern got (the near miss).
public struct Explainer {
    let annotator: Annotator
    var ruleSet: RuleSet { annotator.ruleSet }

    public init(annotator: Annotator) {
        self.annotator = annotator
    }

    /// A rule id that names no rule: the error says which ids come closest.
    public struct UnknownRule: Error, CustomStringConvertible {
        public let id: String
        public let source: String
        public let suggestions: [String]
        public var description: String {
            "no rule '\(id)' in \(source)" + (suggestions.isEmpty ? "" : "; did you mean " + suggestions.joined(separator: ", ") + "?")
        }
    }

    public func explain(_ document: Document, rule ruleID: String? = nil) throws -> String {
        let ruleIndex = try ruleID.map { id in
            guard let index = ruleSet.rules.firstIndex(where: { $0.id == id }) else {
                throw UnknownRule(id: id, source: ruleSet.source, suggestions: closestRuleIDs(to: id))
            }
            return index
        }
        var out = "text: \(document.text) (\(document.count) code points)\n"
        out += try lattice(document)
        let traces = try annotator.trace(document)
        for trace in traces {
            out += "\nphase \(trace.phase): \(trace.candidates.count) candidate(s)\n"
            for entity in trace.accepted {
                out += (ruleSet.rules[entity.rule].veto ? "  VETO " : "  WON  ") + describe(entity, document) + "\n"
            }
            for (loser, winner, reason) in trace.losses {
                out += "  lost " + describe(loser, document) + "\n       to " + describe(winner, document) + ": \(reason)\n"
            }
        }
        if let ruleIndex { out += try nearMiss(ruleIndex, document, traces) }
        return out
    }

    private func lattice(_ document: Document) throws -> String {
        var out = "\nnumerals:\n"
        for numeral in NumeralScanner().scan(document) {
            out += "  [\(numeral.start),\(numeral.end)) \(document.slice(numeral.span)) " + numeral.json(in: document).serialized() + "\n"
        }
        out += "tokens (ICU):\n  " + (try Segmenter.words(document)).map {
            "\(document.slice($0.start, $0.end))/\($0.kind.rawValue)"
        }.joined(separator: " ") + "\n"
        out += "lexicon hits:\n"
        for (index, hits) in ruleSet.lexiconMatcher.hits(in: document.codePoints).enumerated() {
            let lexicon = ruleSet.lexicons[index]
            for hit in hits.sorted(by: { ($0.start, $0.end, $0.entry) < ($1.start, $1.end, $1.entry) }) {
                let entry = lexicon.entries[hit.entry]
                let attributes = entry.attributes.keys.sorted().map { "\($0)=\(entry.attributes[$0]!)" }.joined(separator: " ")
                out += "  [\(hit.start),\(hit.end)) \(entry.text) (\(lexicon.name)) \(attributes)\n"
            }
        }
        return out
    }

    func describe(_ entity: Entity, _ document: Document) -> String {
        let rule = ruleSet.rules[entity.rule]
        var text = "[\(entity.start),\(entity.end)) \(entity.type) \"\(document.slice(entity.start, entity.end))\""
        for (key, value) in entity.amountAttributes { text += " \(key)=\(value)" }
        return text + " by \(rule.id) (\(rule.location.file):\(rule.location.line), priority \(rule.priority))"
    }

    // MARK: near miss

    private func nearMiss(_ index: Int, _ document: Document, _ traces: [Annotator.PhaseTrace]) throws -> String {
        let rule = ruleSet.rules[index]
        let own = traces.flatMap(\.candidates).filter { $0.rule == index }
        if !own.isEmpty {
            return "\nrule \(rule.id) matched \(own.count) time(s):\n" + own.map { "  " + describe($0, document) + "\n" }.joined()
        }
        var items = try LatticeItems(document: document, ruleSet: ruleSet)
        items.add(annotator.seenByLaterPhases(traces.filter { $0.phase < rule.phase }.flatMap(\.accepted)))
        return "\nrule \(rule.id) (\(rule.location)) did not match.\n"
            + NearMiss(rule: rule, ruleSet: ruleSet, lattice: items.lattice, document: document).report()
    }
}

extension Explainer {
    /// Up to five rule ids closest to a mistyped one: those that contain it or that it
    /// contains, then those within a third of its length in edits.
    func closestRuleIDs(to id: String) -> [String] {
        let ids = ruleSet.rules.map(\.id)
        let containing = ids.filter { $0.contains(id) || id.contains($0) }
        let near = ids.map { ($0, editDistance(Array($0), Array(id))) }
            .filter { $0.1 <= max(1, id.count / 3) && !containing.contains($0.0) }
            .sorted { ($0.1, $0.0) < ($1.1, $1.0) }.map(\.0)
        return Array((containing.sorted() + near).prefix(5))
    }

    private func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        var previous = Array(0...b.count)
        for (i, x) in a.enumerated() {
            var current = [i + 1]
            for (j, y) in b.enumerated() {
                current.append(min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1)))
            }
            previous = current
        }
        return previous[b.count]
    }
}

/// A compiled pattern element written back in rule syntax, for messages. A part that
/// a definition expanded to is written as the definition's name (SUFFIXED_START rather
/// than the pages it expands to), as the author wrote it.
enum PatternDescription {
    static func describe(_ pattern: Pattern, _ ruleSet: RuleSet, definitions: [DefinitionExpansion] = []) -> String {
        if let name = definitionName(of: pattern, in: definitions) { return name }
        let describe = { (part: Pattern) in Self.describe(part, ruleSet, definitions: definitions) }
        switch pattern {
        case .empty: return "(empty)"
        case .scalars(let set):
            if let single = set.singleScalar, let scalar = Unicode.Scalar(single) { return "\"\(Character(scalar))\"" }
            return set == .all ? "." : "[a class of \(set.count) characters]"
        case .edge(let p): return predicate(p, ruleSet)
        case .notEdge(let p): return "!" + predicate(p, ruleSet)
        case .sequence(let parts): return literalRuns(parts).map { $0.map { "\"\($0)\"" } ?? describe($1) }.joined(separator: " ")
        case .alternation(let parts): return "(" + parts.map(describe).joined(separator: " | ") + ")"
        case let .repetition(inner, min, max, greedy):
            let bounds = max.map { "{\(min),\($0)}" } ?? (min == 0 ? "*" : min == 1 ? "+" : "{\(min),}")
            return "(" + describe(inner) + ")" + bounds + (greedy ? "" : "?")
        case .capture(_, let inner): return describe(inner)
        case .assertion(let assertion): return "\(assertion)"
        case let .look(direction, negated, inner): return "(?\(direction == .ahead ? "" : "<")\(negated ? "!" : "=") \(describe(inner)))"
        }
    }

    /// A sequence's parts with each run of single characters joined back into the
    /// literal it was written as ("公路", not "公" "路"): (literal, nil) for such a run,
    /// (nil, part) for any other part.
    private static func literalRuns(_ parts: [Pattern]) -> [(String?, Pattern)] {
        var runs: [(String?, Pattern)] = []
        for part in parts {
            guard case .scalars(let set) = part, let value = set.singleScalar, let scalar = Unicode.Scalar(value) else {
                runs.append((nil, part))
                continue
            }
            if let (text, first) = runs.last, let literal = text {
                runs[runs.count - 1] = (literal + String(Character(scalar)), first)
            } else {
                runs.append((String(Character(scalar)), part))
            }
        }
        return runs
    }

    /// The definition `pattern` is the expansion of; the outermost one when a definition
    /// is only another's name. A single character or edge keeps its own spelling: the
    /// author may have written it literally.
    private static func definitionName(of pattern: Pattern, in definitions: [DefinitionExpansion]) -> String? {
        switch pattern {
        case .edge, .notEdge, .empty, .assertion: return nil
        case .scalars(let set) where set.singleScalar != nil: return nil
        default: return definitions.last { $0.pattern == pattern }?.name
        }
    }

    static func predicate(_ id: Int, _ ruleSet: RuleSet) -> String {
        let predicate = ruleSet.predicates[id]
        var head: String
        if case .lexicon(let index) = predicate.layer { head = "@lex(\(ruleSet.lexicons[index].name)" } else { head = "\(predicate.layer)(" }
        let conditions = predicate.conditions.map { condition -> String in
            switch condition.test {
            case .oneOf(let values): "\(condition.key)=\(values.sorted().joined(separator: "|"))"
            case .noneOf(let values): "\(condition.key)!=\(values.sorted().joined(separator: "|"))"
            case .present: condition.key
            case .absent: "!\(condition.key)"
            }
        }
        if head.hasSuffix("(") { head.removeLast() ; return conditions.isEmpty ? head : head + "(" + conditions.joined(separator: ", ") + ")" }
        return head + (conditions.isEmpty ? "" : ", " + conditions.joined(separator: ", ")) + ")"
    }
}
