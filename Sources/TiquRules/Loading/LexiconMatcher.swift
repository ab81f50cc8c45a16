import TiquPattern

/// Finds every occurrence of every entry of a rule set's lexicons in one pass over
/// the text: all lexicons share one multi-pattern (Aho-Corasick) automaton, so
/// 50,000 entries cost about what 50 do, and twenty lexicons cost one scan, not twenty.
public struct LexiconMatcher: Sendable {
    /// start..<end in code points, and the entry's index in its lexicon.
    public typealias Hit = MultiPatternAutomaton.Occurrence

    private let automaton: MultiPatternAutomaton
    /// Automaton entry k is entry k − firstEntry[l] of lexicon l, where l is owner[k].
    private let owner: [Int32]
    private let firstEntry: [Int]

    public init(_ lexicons: [Lexicon]) {
        var entries: [[UInt32]] = []
        var owner: [Int32] = []
        var firstEntry: [Int] = []
        for (index, lexicon) in lexicons.enumerated() {
            firstEntry.append(entries.count)
            for entry in lexicon.entries {
                entries.append(entry.text.unicodeScalars.map(\.value))
                owner.append(Int32(index))
            }
        }
        automaton = MultiPatternAutomaton(scalarEntries: entries)
        self.owner = owner
        self.firstEntry = firstEntry
    }

    /// The hits of each lexicon (indexed like the lexicons given to `init`), each list
    /// in the automaton's order: by end, then longer first (sort them to list them).
    public func hits(in text: [UInt32]) -> [[Hit]] {
        var byLexicon = [[Hit]](repeating: [], count: firstEntry.count)
        automaton.forEachOccurrence(in: text) { hit in
            let lexicon = Int(owner[hit.entry])
            byLexicon[lexicon].append(Hit(start: hit.start, end: hit.end, entry: hit.entry - firstEntry[lexicon]))
        }
        return byLexicon
    }
}
