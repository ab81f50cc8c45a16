import TiquPattern
import TiquTestSupport

/// Random patterns over the alphabet {a, b, c} and edge predicates {0, 1}.
struct PatternGenerator {
    static let alphabet: [UInt32] = [0x61, 0x62, 0x63]
    var rng: SplitMix64
    var captureCount = 0

    mutating func pattern(depth: Int, bounded: Bool = false) -> Pattern {
        let choice = depth <= 0 ? rng.int(6) : rng.int(15)
        switch choice {
        case 0, 1: return .scalar(PatternGenerator.alphabet[rng.int(3)])
        case 2: return .scalars(randomSet())
        case 3: return .edge(rng.int(2))
        case 4: return .notEdge(rng.int(2))
        case 5: return rng.int(3) == 0 ? .empty : .assertion(randomAssertion())
        case 6, 7: return .sequence(children(depth: depth, bounded: bounded))
        case 8, 9: return .alternation(children(depth: depth, bounded: bounded))
        case 10, 11, 12:
            let min = rng.int(3)
            let max: Int? = (!bounded && rng.int(2) == 0) ? nil : min + rng.int(3)
            return .repetition(pattern(depth: depth - 1, bounded: bounded), min: min, max: max, greedy: rng.bool())
        case 13:
            captureCount += 1
            let index = captureCount - 1
            return .capture(index, pattern(depth: depth - 1, bounded: bounded))
        default:
            let direction: LookDirection = rng.bool() ? .ahead : .behind
            return .look(direction, negated: rng.bool(), pattern(depth: min(depth - 1, 2), bounded: true))
        }
    }

    private mutating func children(depth: Int, bounded: Bool) -> [Pattern] {
        (0..<(1 + rng.int(3))).map { _ in pattern(depth: depth - 1, bounded: bounded) }
    }

    private mutating func randomSet() -> ScalarSet {
        let members = PatternGenerator.alphabet.filter { _ in rng.bool() }
        let set = ScalarSet(scalars: members.isEmpty ? [0x61] : members)
        return rng.int(4) == 0 ? set.inverted : set
    }

    private mutating func randomAssertion() -> Assertion {
        [.textStart, .textEnd, .sentenceStart, .sentenceEnd][rng.int(4)]
    }
}

/// A random lattice: up to `maxLength` letters from {a, b, c}, random edges of
/// predicates 0 and 1 (length 1...4), random sentence boundaries.
func randomLattice(_ rng: inout SplitMix64, maxLength: Int = 12)
    -> (text: [UInt32], boundaries: [Int], edges: [Lattice.Edge]) {
    let n = rng.int(maxLength + 1)
    let text = (0..<n).map { _ in PatternGenerator.alphabet[rng.int(3)] }
    var edges: [Lattice.Edge] = []
    if n > 0 {
        for _ in 0..<rng.int(2 * n + 1) {
            let start = rng.int(n)
            let end = start + 1 + rng.int(min(4, n - start))
            edges.append(Lattice.Edge(start: start, end: end, predicate: rng.int(2)))
        }
    }
    let boundaries = (1..<max(n, 1)).filter { _ in rng.int(4) == 0 }
    return (text, boundaries, edges)
}
