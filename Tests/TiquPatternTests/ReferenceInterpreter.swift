import TiquPattern

/// A slow, direct backtracking interpreter of `Pattern` over a lattice, written from the
/// semantics in PikeVM.swift and sharing no code with the compiler or the VM.
/// Exponential in the worst case; only for tiny inputs.
struct ReferenceInterpreter {
    typealias Continuation = (_ pos: Int, _ caps: [Int]) -> Bool

    let text: [UInt32]
    let boundaries: Set<Int>
    let edges: Set<Lattice.Edge>
    /// Loop heads entered in the current search, as path + [position].
    final class Memo { var seen = Set<[Int]>() }
    let memo = Memo()

    init(text: [UInt32], boundaries: [Int], edges: [Lattice.Edge]) {
        self.text = text
        self.boundaries = Set(boundaries)
        self.edges = Set(edges)
    }

    var n: Int { text.count }

    /// Ends of the edges with `predicate` starting at `pos`, longest first.
    func edgeEnds(from pos: Int, predicate: Int) -> [Int] {
        edges.filter { $0.start == pos && $0.predicate == predicate }.map(\.end).sorted(by: >)
    }

    func holds(_ a: Assertion, at pos: Int) -> Bool {
        switch a {
        case .textStart: return pos == 0
        case .textEnd: return pos == n
        case .sentenceStart: return pos == 0 || boundaries.contains(pos)
        case .sentenceEnd: return pos == n || boundaries.contains(pos)
        }
    }

    /// Tries the paths of `p` from `pos` in priority order, calling `k` at the end of each;
    /// returns true as soon as a continuation accepts.
    func run(_ p: Pattern, _ pos: Int, _ caps: [Int], _ k: Continuation) -> Bool {
        run(p, [], pos, caps, k)
    }

    /// `path` names the occurrence of `p` in the (unrolled) pattern: child indices, and
    /// for repetitions which copy (mandatory k, optional k, or the loop body).
    private func run(_ p: Pattern, _ path: [Int], _ pos: Int, _ caps: [Int], _ k: Continuation) -> Bool {
        switch p {
        case .empty:
            return k(pos, caps)
        case .scalars(let set):
            return pos < n && set.contains(text[pos]) && k(pos + 1, caps)
        case .edge(let pred):
            for end in edgeEnds(from: pos, predicate: pred) where k(end, caps) { return true }
            return false
        case .notEdge(let pred):
            return pos < n && edgeEnds(from: pos, predicate: pred).isEmpty && k(pos + 1, caps)
        case .sequence(let ps):
            return sequence(ps[...], path, pos, caps, k)
        case .alternation(let ps):
            for (i, q) in ps.enumerated() where run(q, path + [i], pos, caps, k) { return true }
            return false
        case .repetition(let q, let min, let max, let greedy):
            return repetition(q, path, min: min, max: max, greedy: greedy, done: 0, pos, caps, k)
        case .capture(let index, let q):
            var opened = caps
            if 2 * index + 1 < opened.count { opened[2 * index] = pos }
            return run(q, path + [0], pos, opened) { end, inner in
                var closed = inner
                if 2 * index + 1 < closed.count { closed[2 * index + 1] = end }
                return k(end, closed)
            }
        case .assertion(let a):
            return holds(a, at: pos) && k(pos, caps)
        case .look(let direction, let negated, let q):
            return lookHolds(direction, q, at: pos) != negated && k(pos, caps)
        }
    }

    private func sequence(_ ps: ArraySlice<Pattern>, _ path: [Int], _ pos: Int, _ caps: [Int],
                          _ k: Continuation) -> Bool {
        guard let first = ps.first else { return k(pos, caps) }
        return run(first, path + [ps.startIndex], pos, caps) { next, c in sequence(ps.dropFirst(), path, next, c, k) }
    }

    private func repetition(_ q: Pattern, _ path: [Int], min: Int, max: Int?, greedy: Bool, done: Int,
                            _ pos: Int, _ caps: [Int], _ k: Continuation) -> Bool {
        if done < min {
            return run(q, path + [done], pos, caps) { next, c in
                repetition(q, path, min: min, max: max, greedy: greedy, done: done + 1, next, c, k)
            }
        }
        guard let max else { return star(q, path + [-1], greedy: greedy, pos, caps, k) }
        if done == max { return k(pos, caps) }
        func more() -> Bool {
            run(q, path + [done], pos, caps) { next, c in
                repetition(q, path, min: min, max: max, greedy: greedy, done: done + 1, next, c, k)
            }
        }
        return greedy ? (more() || k(pos, caps)) : (k(pos, caps) || more())
    }

    /// The head of an unbounded repetition is entered at most once per position in one
    /// search (see PikeVM.swift): reaching it again at the same position fails. This
    /// abandons empty iterations, and also a fresh entry into an inner loop whose head
    /// was already passed at this position (the RE2 behaviour for nested empty loops).
    private func star(_ q: Pattern, _ path: [Int], greedy: Bool, _ pos: Int, _ caps: [Int],
                      _ k: Continuation) -> Bool {
        guard memo.seen.insert(path + [pos]).inserted else { return false }
        func more() -> Bool { run(q, path, pos, caps) { next, c in star(q, path, greedy: greedy, next, c, k) } }
        return greedy ? (more() || k(pos, caps)) : (k(pos, caps) || more())
    }
    func lookHolds(_ direction: LookDirection, _ q: Pattern, at pos: Int) -> Bool {
        switch direction {
        case .ahead:
            return run(q, [], pos, []) { _, _ in true }
        case .behind:
            return (0...pos).contains { j in run(q, [], j, []) { end, _ in end == pos } }
        }
    }

    /// The preferred non-empty match starting at `start`.
    func firstMatch(_ p: Pattern, captureCount: Int, at start: Int) -> (end: Int, caps: [Int])? {
        var result: (Int, [Int])?
        _ = run(p, start, [Int](repeating: -1, count: 2 * captureCount)) { end, caps in
            guard end > start else { return false }
            result = (end, caps)
            return true
        }
        return result
    }

    /// Findall: leftmost match, continue from its end.
    func matches(rule: Int, _ p: Pattern, captureCount: Int) -> [PatternMatch] {
        var result: [PatternMatch] = []
        var s = 0
        memo.seen.removeAll()
        while s < n {
            if let (end, caps) = firstMatch(p, captureCount: captureCount, at: s) {
                let groups = (0..<captureCount).map { g -> Range<Int>? in
                    let a = caps[2 * g], b = caps[2 * g + 1]
                    return a >= 0 && b >= a ? a..<b : nil
                }
                result.append(PatternMatch(rule: rule, start: s, end: end, captures: groups))
                s = end
                memo.seen.removeAll()
            } else {
                s += 1
            }
        }
        return result
    }

    /// All rules' matches sorted by (start, rule).
    func matches(rules: [Pattern], captureCounts: [Int]) -> [PatternMatch] {
        rules.indices.flatMap { matches(rule: $0, rules[$0], captureCount: captureCounts[$0]) }
            .sorted { ($0.start, $0.rule) < ($1.start, $1.rule) }
    }
}
