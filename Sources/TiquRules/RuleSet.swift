import TiquPattern

/// One rule ready to run: its pattern compiled into its phase's program, and
/// what it needs to turn a match into an entity.
public struct CompiledRule: Sendable {
    public let id: String
    public let location: SourceLocation
    public let type: String
    public let priority: Int
    public let phase: Int
    /// Matches claim their span for `type` in conflict resolution, then are dropped.
    public let veto: Bool
    public let pattern: Pattern
    /// The definitions the pattern expanded, innermost first (for messages only).
    public let definitions: [DefinitionExpansion]
    public let captureNames: [String]
    /// The predicates each capture's body may consume (one edge element or an
    /// alternation of them); empty when it is anything else.
    public let captureBindings: [[Int]]
    /// Capture indices bounding the entity's span; nil means the whole match.
    public let spanFrom: Int?
    public let spanTo: Int?
    public let outputs: [(key: String, expression: OutputExpression)]
    public let examples: [Example]
    public let counters: [(text: String, location: SourceLocation)]
}

/// A definition's name and what it expanded to in one rule. The pattern is shared
/// with the rule's own (an indirect enum's boxes), so keeping it costs a reference.
public struct DefinitionExpansion: Sendable {
    public let name: String
    public let pattern: Pattern
}

/// The rules of one phase and their single compiled program (all rules together).
public struct Phase: Sendable {
    public let number: Int
    /// Indices into `RuleSet.rules`, in program order.
    public let rules: [Int]
    public let program: RuleSetProgram
}

/// A loaded, validated and compiled rule set: compiled once, used for every
/// document (and from several threads).
public struct RuleSet: Sendable {
    public let source: String
    /// In load order: files sorted by path, rules in file order (the last
    /// tie-break of the conflict policy).
    public let rules: [CompiledRule]
    public let phases: [Phase]
    public let predicates: [EdgePredicate]
    public let lexicons: [Lexicon]
    /// Finds the hits of every lexicon in one pass.
    public let lexiconMatcher: LexiconMatcher
    /// For each lexicon and entry, the predicates that accept it. Entries never
    /// change, so this is decided once here instead of at every hit.
    public let entryPredicates: [EntryPredicates]
    /// Per predicate: whether some capture reads attributes through it; only such
    /// edges need to remember which item they stand for. (An array: the lattice
    /// builder asks once per edge.)
    public let isCaptured: [Bool]
    /// Only when a rule uses @token is ICU word segmentation run at all.
    public let usesTokens: Bool
    public let usesSentences: Bool

    /// Which predicates accept each entry of the lexicon at `index`.
    static func entryPredicates(of index: Int, _ lexicon: Lexicon, _ predicates: [EdgePredicate]) -> EntryPredicates {
        let own = predicates.indices.filter { predicates[$0].layer == .lexicon(index) }
        var offsets: [Int32] = [0]
        var accepting: [Int32] = []
        for entry in lexicon.entries {
            let lookup = { (key: String) -> String? in key == "text" ? entry.text : entry.attributes[key] }
            accepting += own.filter { p in predicates[p].conditions.allSatisfy { $0.accepts(lookup) } }.map { Int32($0) }
            offsets.append(Int32(accepting.count))
        }
        return EntryPredicates(offsets: offsets, predicates: accepting)
    }

    static func capturedFlags(_ captured: [Int], count: Int) -> [Bool] {
        var flags = [Bool](repeating: false, count: count)
        for p in captured { flags[p] = true }
        return flags
    }

    /// Predicates by layer, for the lattice builder.
    public func predicateIDs(where test: (EdgeLayer) -> Bool) -> [Int] {
        predicates.indices.filter { test(predicates[$0].layer) }
    }
}

/// The predicates that accept each entry of one lexicon, in one flat array (a
/// lattice is built from hundreds of thousands of hits, and an array per entry
/// would be retained and released at each): entry e's are
/// predicates[offsets[e]..<offsets[e + 1]].
public struct EntryPredicates: Sendable {
    public let offsets: [Int32]
    public let predicates: [Int32]
}
