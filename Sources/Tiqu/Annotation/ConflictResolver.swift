import TiquRules

/// The one conflict policy (Rules/README.md): among overlapping candidates of
/// the SAME type, the winner has the higher priority, then is longer, then
/// starts earlier, then comes from the earlier rule (file order, then order in
/// the file). Never random. Entities of different types may nest. Entities
/// accepted in an earlier phase are never displaced: a later candidate that
/// overlaps one of the same type loses to it. A veto rule's candidates take
/// part like any other; the Annotator drops the vetoes that win.
struct ConflictResolver {
    struct Candidate: Sendable {
        let entity: Entity
        let priority: Int
    }

    /// Why a candidate lost: to which winner, and on which criterion.
    struct Loss: Sendable {
        let loser: Candidate
        let winner: Entity
        let reason: String
    }

    /// Accepted entities (sorted by start, type) and, when `explaining`, the losses,
    /// given what earlier phases accepted.
    static func resolve(_ candidates: [Candidate], earlier: [Entity], documentLength: Int,
                        explaining: Bool = false) -> (accepted: [Entity], losses: [Loss]) {
        // One table per type that has candidates, mutated in place (a copy would cost the
        // document's length per candidate); earlier entities of other types cannot conflict.
        // A handful of types: found by comparing the (short, inline) strings, which costs
        // less than hashing one per candidate.
        var types: [String] = []
        for candidate in candidates where !types.contains(candidate.entity.type) { types.append(candidate.entity.type) }
        types.sort()
        var tables = types.map { _ in Occupancy(count: documentLength, keepsOwners: explaining) }
        for (k, entity) in earlier.enumerated() {
            if let t = types.firstIndex(of: entity.type) { tables[t].take(entity.span, owner: .earlier(k), priority: Int.max) }
        }
        func entity(_ owner: Owner) -> Entity {
            switch owner {
            case .earlier(let k): earlier[k]
            case .candidate(let k): candidates[k].entity
            }
        }
        var accepted: [Entity] = []
        var losses: [Loss] = []
        // Sorting plain keys, not candidates: an entity is large, and reading one in the
        // comparator costs retains of its strings.
        let keys = candidates.indices.map { k in
            let (start, end) = (candidates[k].entity.start, candidates[k].entity.end)
            return SortKey(priority: candidates[k].priority, length: end - start, start: start,
                           rule: candidates[k].entity.rule, index: k, table: types.firstIndex(of: candidates[k].entity.type)!)
        }.sorted()
        for key in keys {
            let index = key.index
            let span = key.start..<(key.start + key.length)
            let t = key.table
            if tables[t].isTaken(span) {
                if explaining, let (winner, winnerPriority) = tables[t].owner(span) {
                    let winner = entity(winner)
                    losses.append(Loss(loser: candidates[index], winner: winner, reason: reason(candidates[index], winner, winnerPriority)))
                }
            } else {
                tables[t].take(span, owner: .candidate(index), priority: key.priority)
                accepted.append(candidates[index].entity)
            }
        }
        accepted.sort { ($0.start, $0.end, $0.type) < ($1.start, $1.end, $1.type) }
        return (accepted, losses)
    }

    /// A candidate's place in the policy's order: higher priority, longer, earlier start,
    /// earlier rule (then its index, so that the order is total), and its type's table.
    private struct SortKey: Comparable {
        var priority: Int, length: Int, start: Int, rule: Int, index: Int, table: Int

        static func < (a: SortKey, b: SortKey) -> Bool {
            (-a.priority, -a.length, a.start, a.rule, a.index) < (-b.priority, -b.length, b.start, b.rule, b.index)
        }
    }

    private static func reason(_ loser: Candidate, _ winner: Entity, _ winnerPriority: Int) -> String {
        if winnerPriority == Int.max { return "overlaps a \(winner.type) accepted in an earlier phase" }
        if winnerPriority != loser.priority { return "lower priority (\(loser.priority) < \(winnerPriority))" }
        let loserLength = loser.entity.end - loser.entity.start, winnerLength = winner.end - winner.start
        if loserLength != winnerLength { return "shorter (\(loserLength) < \(winnerLength) characters)" }
        if loser.entity.start != winner.start { return "starts later (\(loser.entity.start) > \(winner.start))" }
        return "same priority, length and start; the winning rule comes earlier"
    }
}

/// Which code points the accepted entities of one type cover: one bit per code
/// point (a 50 MB document costs about 2 MB per type), and the owners by their
/// start, so that the owner of a taken position is found by walking back from
/// it (entities of one type never overlap, so the nearest start is the owner).
/// An owner is an index, not a copy of the entity: copying entities with their
/// strings cost more than the rest. Owners are kept only when the losses are
/// explained: without them, taking and checking a span is bit work alone.
private enum Owner {
    case earlier(Int)
    case candidate(Int)
}

private struct Occupancy {
    private var bits: [UInt64]
    private let keepsOwners: Bool
    private var startsAt: [Int: (owner: Owner, priority: Int)] = [:]

    init(count: Int, keepsOwners: Bool) {
        bits = [UInt64](repeating: 0, count: count / 64 + 1)
        self.keepsOwners = keepsOwners
    }

    private func taken(_ p: Int) -> Bool { bits[p >> 6] & (1 << UInt64(p & 63)) != 0 }

    /// Whether any position of `span` is taken.
    func isTaken(_ span: Range<Int>) -> Bool {
        span.contains(where: taken)
    }

    /// The owner and priority of the first taken position in `span`, if any (only
    /// when owners are kept).
    func owner(_ span: Range<Int>) -> (Owner, Int)? {
        guard keepsOwners, let position = span.first(where: taken) else { return nil }
        var q = position
        while startsAt[q] == nil { q -= 1 }
        return startsAt[q]!
    }

    mutating func take(_ span: Range<Int>, owner: Owner, priority: Int) {
        if keepsOwners { startsAt[span.lowerBound] = (owner, priority) }
        for p in span { bits[p >> 6] |= 1 << UInt64(p & 63) }
    }
}
