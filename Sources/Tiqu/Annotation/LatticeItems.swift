import TiquICU
import TiquNumerals
import TiquPattern
import TiquRules
import TiquText

/// An item the lattice has an edge for, so a capture can read its attributes.
enum ItemReference: Hashable {
    case token(Int)
    case numeral(Int)
    case lexiconHit(lexicon: Int, hit: Int)
    case entity(Int)
    /// A mention of an earlier entity's name (@echo): it has only its text.
    case echo
}

/// Everything the rules can match over in one document: the code points, the
/// numeral layer, ICU tokens (only when some rule uses @token), lexicon hits,
/// and the entities of earlier phases. Builds the lattice edge lists by
/// evaluating every predicate once per item of its layer.
struct LatticeItems {
    let document: Document
    let ruleSet: RuleSet
    let numerals: [Numeral]
    let tokens: [Token]
    let sentenceBoundaries: [Int]
    let lexiconHits: [[LexiconMatcher.Hit]]
    private(set) var entities: [Entity] = []
    /// The items behind edges whose attributes a capture may read; an edge's tag is an
    /// index here (the other edges have tag -1).
    private var references: [ItemReference] = []
    private var baseEdges: [Lattice.Edge] = []
    /// Per @echo predicate: the names it already has edges for.
    private var echoNames: [Int: Set<[UInt32]>] = [:]
    /// The lattice of the items so far: the edges a phase adds are merged in.
    private(set) var lattice = Lattice(scalars: [])
    /// How many of `baseEdges` the lattice has.
    private var latticeEdgeCount = 0

    init(document: Document, ruleSet: RuleSet) throws(ICUError) {
        self.document = document
        self.ruleSet = ruleSet
        numerals = NumeralScanner().scan(document)
        tokens = ruleSet.usesTokens ? try Segmenter.words(document) : []
        sentenceBoundaries = ruleSet.usesSentences ? try Segmenter.sentenceBoundaries(document) : []
        lexiconHits = ruleSet.lexiconMatcher.hits(in: document.codePoints)
        buildBaseEdges()
        lattice = Lattice(scalars: document.codePoints, sentenceBoundaries: sentenceBoundaries, edges: baseEdges)
        latticeEdgeCount = baseEdges.count
    }

    private mutating func buildBaseEdges() {
        addNumeralEdges()
        let tokenPredicates = ruleSet.predicateIDs { $0 == .token }
        let document = self.document
        for (index, token) in tokens.enumerated() where !tokenPredicates.isEmpty {
            let lookup = { (key: String) -> String? in
                key == "kind" ? token.kind.rawValue : key == "text" ? document.slice(token.start, token.end) : nil
            }
            for p in tokenPredicates where ruleSet.predicates[p].conditions.allSatisfy({ $0.accepts(lookup) }) {
                addBase(p, token.start, token.end, .token(index))
            }
        }
        for (lexicon, hits) in lexiconHits.enumerated() where !hits.isEmpty {
            let accepting = ruleSet.entryPredicates[lexicon]
            // Entries with `requires=` count only where the document names what they need.
            let requirements = ruleSet.lexicons[lexicon].requirements
            let present = requirements.isEmpty ? [] : Set(hits.map(\.entry))
            for (index, hit) in hits.enumerated() {
                if !requirements.isEmpty, let required = requirements[hit.entry], !required.contains(where: present.contains) {
                    continue
                }
                for k in Int(accepting.offsets[hit.entry])..<Int(accepting.offsets[hit.entry + 1]) {
                    addBase(Int(accepting.predicates[k]), hit.start, hit.end, .lexiconHit(lexicon: lexicon, hit: index))
                }
            }
        }
    }

    /// The @number edges. A predicate that tests only a numeral's kind, bound kind,
    /// qualifier and magnitude (all the default rules' do) accepts numerals alike in
    /// those alike, so it is decided once per such combination, not once per numeral:
    /// a report has thousands of numerals and a handful of combinations.
    private mutating func addNumeralEdges() {
        let numberPredicates = ruleSet.predicateIDs { $0 == .number }
        let byClass = numberPredicates.filter { p in
            ruleSet.predicates[p].conditions.allSatisfy { NumeralClass.keys.contains($0.key) }
        }
        let byNumeral = numberPredicates.filter { !byClass.contains($0) }
        var decided: [NumeralClass: [Int]] = [:]
        for (index, numeral) in numerals.enumerated() {
            let numeralClass = NumeralClass(numeral)
            let accepted = decided[numeralClass] ?? byClass.filter { accepts($0, numeral) }
            decided[numeralClass] = accepted
            for p in accepted { addBase(p, numeral.start, numeral.end, .numeral(index)) }
            for p in byNumeral where accepts(p, numeral) { addBase(p, numeral.start, numeral.end, .numeral(index)) }
        }
    }

    /// Whether predicate `p` accepts the numeral.
    private func accepts(_ p: Int, _ numeral: Numeral) -> Bool {
        let source = NumeralAttributes(numeral: numeral, document: document)
        return ruleSet.predicates[p].conditions.allSatisfy { $0.accepts(source.attribute) }
    }

    private mutating func addBase(_ predicate: Int, _ start: Int, _ end: Int, _ item: ItemReference) {
        var tag = -1
        if ruleSet.isCaptured[predicate] {
            tag = references.count
            references.append(item)
        }
        baseEdges.append(Lattice.Edge(start: start, end: end, predicate: predicate, tag: tag))
    }

    /// Adds the entities accepted in a phase, for the phases after it.
    mutating func add(_ accepted: [Entity]) {
        let (document, ruleSet) = (self.document, self.ruleSet)
        var predicatesOfType: [String: [Int]] = [:]  // decided once per type, not per entity
        for entity in accepted {
            entities.append(entity)
            let predicates = predicatesOfType[entity.type] ?? ruleSet.predicateIDs { $0 == .entity(entity.type) }
            predicatesOfType[entity.type] = predicates
            let lookup = { (key: String) -> String? in
                key == "text" ? document.slice(entity.start, entity.end)
                    : key == "rule" ? ruleSet.rules[entity.rule].id : entity.attribute(key)
            }
            for p in predicates where ruleSet.predicates[p].conditions.allSatisfy({ $0.accepts(lookup) }) {
                addBase(p, entity.start, entity.end, .entity(entities.count - 1))
            }
        }
        addEchoes(of: accepted)
        lattice = lattice.adding(Array(baseEdges[latticeEdgeCount...]))
        latticeEdgeCount = baseEdges.count
    }

    /// Edges for every occurrence of the names of `accepted` that @echo predicates ask
    /// for: an entity's text, or with a lexicon of suffixes, its text without the
    /// longest suffix that leaves at least two code points (龙脊镇 -> 龙脊; an entity
    /// with no such suffix gives no name then).
    private mutating func addEchoes(of accepted: [Entity]) {
        let codePoints = document.codePoints
        for p in ruleSet.predicates.indices {
            guard case let .echo(type, strip) = ruleSet.predicates[p].layer else { continue }
            let suffixes = strip.map { ruleSet.lexicons[$0].entries.map { Array($0.text.unicodeScalars.map(\.value)) } } ?? []
            var known = echoNames[p] ?? []
            var fresh: [[UInt32]] = []
            for entity in accepted where entity.type == type {
                let text = Array(codePoints[entity.start..<entity.end])
                var name: [UInt32]? = strip == nil ? text : nil
                if let longest = suffixes.filter({ text.count - $0.count >= 2 && text.suffix($0.count).elementsEqual($0) }).max(by: { $0.count < $1.count }) {
                    name = Array(text.dropLast(longest.count))
                }
                if let name, name.count >= 2, known.insert(name).inserted { fresh.append(name) }
            }
            echoNames[p] = known
            guard !fresh.isEmpty else { continue }
            let document = self.document
            for occurrence in MultiPatternAutomaton(scalarEntries: fresh).occurrences(in: codePoints) {
                let lookup = { (key: String) -> String? in key == "text" ? document.slice(occurrence.start, occurrence.end) : nil }
                if ruleSet.predicates[p].conditions.allSatisfy({ $0.accepts(lookup) }) {
                    addBase(p, occurrence.start, occurrence.end, .echo)
                }
            }
        }
    }

    /// The item behind the edge (predicate, span), if a capture can read it.
    private func item(predicate: Int, span: Range<Int>) -> ItemReference? {
        guard span.lowerBound <= lattice.count else { return nil }
        for edge in lattice.edges(from: span.lowerBound) where edge.predicate == predicate && edge.end == span.upperBound {
            return edge.tag >= 0 ? references[edge.tag] : nil
        }
        return nil
    }

    func hasItem(predicate: Int, span: Range<Int>) -> Bool {
        item(predicate: predicate, span: span) != nil
    }

    /// The attribute `key` of the item behind the edge (predicate, span).
    func value(of key: String, predicate: Int, span: Range<Int>) -> OutputValue {
        guard let item = item(predicate: predicate, span: span) else { return .missing }
        switch item {
        case .numeral(let index): return NumeralAttributes(numeral: numerals[index], document: document).value(key)
        case .token(let index):
            let token = tokens[index]
            return key == "kind" ? .text(token.kind.rawValue) : .missing
        case let .lexiconHit(lexicon, hit):
            let entry = ruleSet.lexicons[lexicon].entries[lexiconHits[lexicon][hit].entry]
            return entry.attributes[key].map(OutputValue.text) ?? .missing
        case .echo:
            return .missing
        case .entity(let index):
            let entity = entities[index]
            switch key {
            case "value": return entity.value.map(OutputValue.number) ?? entity.min.flatMap { lo in entity.max.map { .range(lo, $0) } } ?? .missing
            case "min": return entity.min.map(OutputValue.number) ?? .missing
            case "max": return entity.max.map(OutputValue.number) ?? .missing
            default: return entity.attribute(key).map(OutputValue.text) ?? .missing
            }
        }
    }
}

/// What a numeral's attributes other than its value and text are: numerals alike in
/// these are alike to a predicate that tests only `keys`.
struct NumeralClass: Hashable {
    static let keys: Set<String> = ["kind", "bound_kind", "qualifier", "magnitude"]
    let kind: NumeralKind
    let boundKind: NumeralKind?
    let qualifier: Qualifier?
    let magnitude: String?

    init(_ numeral: Numeral) {
        (kind, boundKind, qualifier, magnitude) = (numeral.kind, numeral.boundKind, numeral.qualifier, numeral.magnitude)
    }
}

/// A numeral's attributes as rules see them.
struct NumeralAttributes {
    let numeral: Numeral
    let document: Document

    func attribute(_ key: String) -> String? {
        switch key {
        case "kind": numeral.kind.rawValue
        case "qualifier": numeral.qualifier?.rawValue
        case "magnitude": numeral.magnitude
        case "bound_kind": numeral.boundKind?.rawValue
        case "value": numeral.value?.description
        case "min": numeral.min?.description
        case "max": numeral.max?.description
        case "text": document.slice(numeral.start, numeral.end)
        default: nil
        }
    }

    func value(_ key: String) -> OutputValue {
        switch key {
        case "value":
            if let value = numeral.value { return .number(value) }
            if let low = numeral.min, let high = numeral.max { return .range(low, high) }
            return .missing
        case "min": return numeral.min.map(OutputValue.number) ?? .missing
        case "max": return numeral.max.map(OutputValue.number) ?? .missing
        default: return attribute(key).map(OutputValue.text) ?? .missing
        }
    }
}
