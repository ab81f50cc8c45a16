import TiquPattern

/// Finds every occurrence of every entry of one lexicon in a text with one
/// multi-pattern (Aho-Corasick) automaton, so 50,000 entries cost about what 50 do.
public struct LexiconMatcher: Sendable {
    /// start..<end in code points, and the entry's index in the lexicon.
    public typealias Hit = MultiPatternAutomaton.Occurrence

    private let automaton: MultiPatternAutomaton

    public init(_ lexicon: Lexicon) {
        automaton = MultiPatternAutomaton(scalarEntries: lexicon.entries.map { $0.text.unicodeScalars.map(\.value) })
    }

    public func hits(in text: [UInt32]) -> [Hit] { automaton.occurrences(in: text) }
}
