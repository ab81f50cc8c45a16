/// A zero-width condition on the current lattice position.
public enum Assertion: Sendable, Hashable {
    /// Position 0.
    case textStart
    /// Position `count` (the end of the text).
    case textEnd
    /// Position 0 or one of the lattice's sentence boundaries.
    case sentenceStart
    /// Position `count` or one of the lattice's sentence boundaries.
    case sentenceEnd
}

/// The direction of a lookaround.
public enum LookDirection: Sendable, Hashable {
    /// The sub-pattern must match starting at the current position (any end).
    case ahead
    /// The sub-pattern must match ending at the current position (any start).
    case behind
}

/// The abstract syntax of one rule's pattern; the rule-file parser produces it and
/// `RuleSetProgram.compile` turns it into a program. See PikeVM.swift for the exact
/// matching semantics of each case.
public indirect enum Pattern: Sendable, Hashable {
    /// Matches the empty string.
    case empty
    /// One code point in the set (a literal "机场" is a sequence of single-scalar sets).
    case scalars(ScalarSet)
    /// One lattice edge with this predicate id, from the current position to its end.
    case edge(Int)
    /// One code point at which no edge with this predicate starts (a negated element).
    case notEdge(Int)
    /// The elements in order.
    case sequence([Pattern])
    /// Ordered choice: earlier alternatives have priority. No alternatives never matches.
    case alternation([Pattern])
    /// `min` to `max` (nil: unbounded) repetitions; greedy prefers more, lazy fewer.
    case repetition(Pattern, min: Int, max: Int?, greedy: Bool)
    /// Capture group `index` (0-based per rule; the whole match is reported separately).
    case capture(Int, Pattern)
    /// A zero-width assertion.
    case assertion(Assertion)
    /// A zero-width lookaround; the sub-pattern must be bounded (no unbounded repetition).
    case look(LookDirection, negated: Bool, Pattern)
}

extension Pattern {
    /// A literal: the sequence of single-scalar sets of `string`.
    public static func literal(_ string: String) -> Pattern {
        let parts = string.unicodeScalars.map { Pattern.scalars(ScalarSet(scalars: [$0.value])) }
        return parts.count == 1 ? parts[0] : .sequence(parts)
    }

    /// Exactly the scalar `value`.
    public static func scalar(_ value: UInt32) -> Pattern {
        .scalars(ScalarSet(scalars: [value]))
    }

    /// Any one code point.
    public static let anyScalar = Pattern.scalars(.all)

    /// `p*` (greedy unless `greedy` is false).
    public static func star(_ p: Pattern, greedy: Bool = true) -> Pattern {
        .repetition(p, min: 0, max: nil, greedy: greedy)
    }

    /// `p+`.
    public static func plus(_ p: Pattern, greedy: Bool = true) -> Pattern {
        .repetition(p, min: 1, max: nil, greedy: greedy)
    }

    /// `p?`.
    public static func optional(_ p: Pattern, greedy: Bool = true) -> Pattern {
        .repetition(p, min: 0, max: 1, greedy: greedy)
    }
}

extension Pattern {
    /// Whether a rule with this pattern and `captureCount` groups always reports its one
    /// group as the whole match: the pattern is that group with only zero-width elements
    /// (lookarounds, assertions) around it. A zero-width element does not move the
    /// position, so the group opens where the match starts and closes where it ends, and
    /// the match needs no capture pass (most rules are written so: a guard, the name, a
    /// guard).
    public func captureIsWholeMatch(captureCount: Int) -> Bool {
        guard captureCount == 1 else { return false }
        var captures = 0
        func aroundTheGroup(_ pattern: Pattern) -> Bool {
            switch pattern {
            case .sequence(let parts): return parts.allSatisfy(aroundTheGroup)
            case .capture: captures += 1; return true
            default: return pattern.isZeroWidth
            }
        }
        return aroundTheGroup(self) && captures == 1
    }

    /// Whether the pattern never consumes: it is made of lookarounds, assertions and empty
    /// parts only (a capture inside counts as consuming: it would be reported).
    var isZeroWidth: Bool {
        switch self {
        case .empty, .assertion, .look: return true
        case .sequence(let parts), .alternation(let parts): return parts.allSatisfy(\.isZeroWidth)
        case .repetition(let inner, _, _, _): return inner.isZeroWidth
        case .scalars, .edge, .notEdge, .capture: return false
        }
    }
}
