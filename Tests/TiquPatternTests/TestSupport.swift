import XCTest
import TiquPattern

/// Compiles `rules` and matches them over `text` with the given edges (start, end, predicate).
func findMatches(_ rules: [Pattern], captureCounts: [Int]? = nil, in text: String,
                 edges: [(Int, Int, Int)] = [], boundaries: [Int] = [],
                 file: StaticString = #filePath, line: UInt = #line) throws -> [PatternMatch] {
    let program = try RuleSetProgram.compile(rules, captureCounts: captureCounts ?? rules.map { _ in 0 })
    let lattice = Lattice(text: text, sentenceBoundaries: boundaries,
                          edges: edges.map { Lattice.Edge(start: $0.0, end: $0.1, predicate: $0.2) })
    return matches(of: program, in: lattice)
}

/// (rule, start, end) triples, for compact assertions.
func spans(_ ms: [PatternMatch]) -> [[Int]] {
    ms.map { [$0.rule, $0.start, $0.end] }
}

func lit(_ s: String) -> Pattern { .literal(s) }
func set(_ s: String) -> Pattern { .scalars(ScalarSet(s)) }
