/// Compiles `Pattern` ASTs into one shared Thompson-NFA program.
///
/// Layout of a rule: its body, then `match(rule)`; then the sub-programs of the
/// lookarounds it uses, each ending in `match(-1)`. Consuming instructions continue at
/// pc + 1. Every check that could reject a pattern (limits, bounds, capture indices) runs
/// before anything is emitted, so a rejected rule leaves no partial code behind and an
/// accepted one is known to fit in `maxInstructions`.
struct Compiler {
    let limits: CompileLimits
    private(set) var insts: [Instruction] = []
    private(set) var sets: [ScalarSet] = []
    private(set) var ruleStarts: [Int32] = []
    private(set) var looks: [LookInfo] = []
    private(set) var lookPredicates: [Int32] = []
    private var setIds: [ScalarSet: Int32] = [:]
    private var pendingLooks: [(id: Int, pattern: Pattern, backward: Bool)] = []
    /// Lookarounds already compiled, by what they test: the same lookaround written in
    /// several rules (a name start, "not inside a verb") is one sub-program with one id,
    /// so the matcher, which remembers each id's result per position, evaluates it once
    /// per position for all of them. Sound because a lookaround's result depends only on
    /// its sub-pattern and the position, never on the rule it is written in.
    private var lookIds: [LookKey: Int] = [:]
    private struct LookKey: Hashable {
        var direction: LookDirection
        var negated: Bool
        var pattern: Pattern
    }
    private var rule = 0
    private var captureCount = 0

    init(limits: CompileLimits) {
        self.limits = limits
    }

    /// Validates and emits one rule.
    mutating func compileRule(_ pattern: Pattern, index: Int, captureCount: Int) throws(PatternCompileError) {
        rule = index
        self.captureCount = captureCount
        try validate(pattern, depth: 0, inLook: false)
        let size = Compiler.size(pattern)
        guard size < limits.maxInstructions, insts.count + size + 1 <= limits.maxInstructions else {
            throw .tooManyInstructions(rule: index, limit: limits.maxInstructions)
        }
        ruleStarts.append(Int32(insts.count))
        emit(pattern, backward: false, inLook: false)
        append(.match, Int32(index))
        while !pendingLooks.isEmpty {
            let look = pendingLooks.removeFirst()
            looks[look.id].start = Int32(insts.count)
            emit(look.pattern, backward: look.backward, inLook: true)
            append(.match, -1)
        }
    }

    // MARK: Validation

    private func validate(_ p: Pattern, depth: Int, inLook: Bool) throws(PatternCompileError) {
        guard depth <= limits.maxNestingDepth else { throw .nestingTooDeep(rule: rule, limit: limits.maxNestingDepth) }
        switch p {
        case .empty, .scalars, .assertion:
            return
        case .edge(let pred), .notEdge(let pred):
            // Predicates are stored in 32-bit instruction operands.
            guard Int(Int32.min) <= pred, pred <= Int(Int32.max) else {
                throw .predicateOutOfRange(rule: rule, predicate: pred)
            }
        case .sequence(let ps), .alternation(let ps):
            for q in ps { try validate(q, depth: depth + 1, inLook: inLook) }
        case .repetition(let q, let min, let max, _):
            try validateCounts(min: min, max: max)
            try validate(q, depth: depth + 1, inLook: inLook)
        case .capture(let index, let q):
            // Captures inside a lookaround are not reported, so their index is irrelevant.
            if !inLook, index < 0 || index >= captureCount {
                throw .captureIndexOutOfRange(rule: rule, index: index, captureCount: captureCount)
            }
            try validate(q, depth: depth + 1, inLook: inLook)
        case .look(_, _, let q):
            try validate(q, depth: depth + 1, inLook: true)
            guard let steps = Compiler.maxSteps(q) else { throw .unboundedLookaround(rule: rule) }
            let cost = saturatingMul(max(steps, 1), Compiler.size(q) + 1)
            guard cost <= limits.maxLookaroundSteps else {
                throw .lookaroundTooExpensive(rule: rule, cost: cost, limit: limits.maxLookaroundSteps)
            }
        }
    }

    private func validateCounts(min: Int, max: Int?) throws(PatternCompileError) {
        guard min >= 0, max.map({ $0 >= min }) ?? true else {
            throw .invalidRepetition(rule: rule, min: min, max: max)
        }
        let largest = max ?? min
        guard largest <= limits.maxRepetition else {
            throw .repetitionTooLarge(rule: rule, count: largest, limit: limits.maxRepetition)
        }
    }

    /// Instructions `p` compiles to (including lookaround sub-programs), saturating.
    static func size(_ p: Pattern) -> Int {
        switch p {
        case .empty: return 0
        case .scalars, .edge, .notEdge, .assertion: return 1
        case .look(_, _, let q): return saturatingAdd(size(q), 2)
        case .sequence(let ps): return ps.reduce(0) { saturatingAdd($0, size($1)) }
        case .alternation(let ps):
            return ps.reduce(1) { saturatingAdd($0, saturatingAdd(size($1), 2)) }
        case .capture(_, let q): return saturatingAdd(size(q), 2)
        case .repetition(let q, let min, let max, _):
            let s = size(q)
            let mandatory = saturatingMul(s, min)
            guard let max else { return saturatingAdd(mandatory, saturatingAdd(s, 2)) }
            return saturatingAdd(mandatory, saturatingMul(saturatingAdd(s, 1), max - min))
        }
    }

    /// The most elements (code points or edges) a match of `p` can consume; nil if unbounded.
    static func maxSteps(_ p: Pattern) -> Int? {
        switch p {
        case .empty, .assertion, .look: return 0
        case .scalars, .edge, .notEdge: return 1
        case .capture(_, let q): return maxSteps(q)
        case .sequence(let ps):
            var total = 0
            for q in ps {
                guard let s = maxSteps(q) else { return nil }
                total = saturatingAdd(total, s)
            }
            return total
        case .alternation(let ps):
            var best = 0
            for q in ps {
                guard let s = maxSteps(q) else { return nil }
                best = Swift.max(best, s)
            }
            return best
        case .repetition(let q, _, let max, _):
            guard let max, let s = maxSteps(q) else { return nil }
            return saturatingMul(s, max)
        }
    }

    // MARK: Emission

    private mutating func emit(_ p: Pattern, backward: Bool, inLook: Bool) {
        switch p {
        case .empty:
            break
        case .scalars(let set):
            emitSet(set)
        case .edge(let pred):
            append(.edge, Int32(pred))
        case .notEdge(let pred):
            append(.notEdge, Int32(pred))
        case .sequence(let ps):
            // A lookbehind runs right to left, so its sequences are reversed.
            let parts = Compiler.cheapestConditionsFirst(ps)
            for q in backward ? parts.reversed() : parts { emit(q, backward: backward, inLook: inLook) }
        case .alternation(let ps):
            emitAlternation(ps, backward: backward, inLook: inLook)
        case .repetition(let q, let min, let max, let greedy):
            for _ in 0..<min { emit(q, backward: backward, inLook: inLook) }
            if let max {
                emitOptionalChain(q, count: max - min, greedy: greedy, backward: backward, inLook: inLook)
            } else {
                emitStar(q, greedy: greedy, backward: backward, inLook: inLook)
            }
        case .capture(let index, let q):
            if inLook {
                emit(q, backward: backward, inLook: inLook)
            } else {
                append(.save, Int32(2 * index))
                emit(q, backward: backward, inLook: inLook)
                append(.save, Int32(2 * index + 1))
            }
        case .assertion(let a):
            append(.assert, Compiler.code(a))
        case .look(let direction, let negated, let q):
            let key = LookKey(direction: direction, negated: negated, pattern: q)
            if let id = lookIds[key] {
                append(.look, Int32(id))
                return
            }
            let id = looks.count
            lookIds[key] = id
            var info = LookInfo(start: -1, backward: direction == .behind, negated: negated)
            if let oneStep = OneStepLook(q) {
                let first = Int32(lookPredicates.count)
                lookPredicates += oneStep.predicates.map { Int32($0) }
                info.oneStep = LookStep(set: oneStep.scalars.isEmpty ? -1 : setId(oneStep.scalars),
                                        predicates: first..<Int32(lookPredicates.count))
            }
            looks.append(info)
            pendingLooks.append((id, q, direction == .behind))
            append(.look, Int32(id))
        }
    }

    /// `parts` with nested sequences flattened and each run of adjacent zero-width
    /// conditions (lookarounds, assertions) reordered, stably: assertions and one-step
    /// lookarounds first, then the positive searched ones, then the negative ones.
    ///
    /// Why: conditions at one position are a conjunction, and a lookaround has no effect
    /// but its answer, so their order changes no match; but the matcher stops at the first
    /// that fails, and takes the first of a rule as the guard of its starts
    /// (StartSetIndex). Rules are written for the reader, a broad "not after ..." guard
    /// first and the selective "followed by ..." after it (AMOUNT_START (?= COIN_COUNT
    /// [元块角毛] ...)), which evaluated the broad one at every start.
    static func cheapestConditionsFirst(_ parts: [Pattern]) -> [Pattern] {
        var flat: [Pattern] = []
        for part in parts {
            if case .sequence(let inner) = part { flat += cheapestConditionsFirst(inner) } else { flat.append(part) }
        }
        var result: [Pattern] = []
        var run: [(cost: Int, order: Int, condition: Pattern)] = []
        func flush() {
            result += run.sorted { ($0.cost, $0.order) < ($1.cost, $1.order) }.map(\.condition)
            run.removeAll()
        }
        for part in flat {
            if let cost = conditionCost(part) { run.append((cost, run.count, part)) } else { flush(); result.append(part) }
        }
        flush()
        return result
    }

    /// The evaluation order of a zero-width condition (nil: not one).
    private static func conditionCost(_ p: Pattern) -> Int? {
        switch p {
        case .assertion: return 0
        case .look(_, let negated, let q): return OneStepLook(q) != nil ? 0 : negated ? 2 : 1
        default: return nil
        }
    }

    private mutating func emitSet(_ set: ScalarSet) {
        if set.isEmpty {
            append(.fail)
        } else if let v = set.singleScalar {
            append(.scalar, Int32(v))
        } else {
            append(.set, setId(set))
        }
    }

    /// split(alt1, next) alt1 jump(end) next: split(alt2, ...) ... altK end:
    private mutating func emitAlternation(_ ps: [Pattern], backward: Bool, inLook: Bool) {
        guard !ps.isEmpty else { append(.fail); return }
        var jumps: [Int] = []
        for (k, q) in ps.enumerated() {
            if k == ps.count - 1 {
                emit(q, backward: backward, inLook: inLook)
            } else {
                let split = append(.split, Int32(insts.count + 1))
                emit(q, backward: backward, inLook: inLook)
                jumps.append(append(.jump))
                insts[split].b = Int32(insts.count)
            }
        }
        for j in jumps { insts[j].a = Int32(insts.count) }
    }

    /// Greedy: L: split(body, exit) body jump(L) exit:  (lazy swaps the split's targets).
    /// An iteration that consumes nothing returns to L at the same position, where the
    /// VM's per-position dedup stops it: empty iterations never loop.
    private mutating func emitStar(_ q: Pattern, greedy: Bool, backward: Bool, inLook: Bool) {
        let loop = append(.split)
        emit(q, backward: backward, inLook: inLook)
        append(.jump, Int32(loop))
        setSplit(loop, body: loop + 1, exit: insts.count, greedy: greedy)
    }

    /// `count` nested optionals, (q(q(q)?)?)?: each split either enters one more copy
    /// or jumps to the common end.
    private mutating func emitOptionalChain(_ q: Pattern, count: Int, greedy: Bool, backward: Bool, inLook: Bool) {
        var splits: [Int] = []
        for _ in 0..<count {
            splits.append(append(.split))
            emit(q, backward: backward, inLook: inLook)
        }
        for s in splits { setSplit(s, body: s + 1, exit: insts.count, greedy: greedy) }
    }

    private mutating func setSplit(_ pc: Int, body: Int, exit: Int, greedy: Bool) {
        insts[pc].a = Int32(greedy ? body : exit)
        insts[pc].b = Int32(greedy ? exit : body)
    }

    @discardableResult
    private mutating func append(_ op: Opcode, _ a: Int32 = 0, _ b: Int32 = 0) -> Int {
        insts.append(Instruction(op: op, a: a, b: b))
        return insts.count - 1
    }

    private mutating func setId(_ set: ScalarSet) -> Int32 {
        if let id = setIds[set] { return id }
        let id = Int32(sets.count)
        sets.append(set)
        setIds[set] = id
        return id
    }

    static func code(_ a: Assertion) -> Int32 {
        switch a {
        case .textStart: return 0
        case .textEnd: return 1
        case .sentenceStart: return 2
        case .sentenceEnd: return 3
        }
    }

    static func assertion(_ code: Int32) -> Assertion {
        switch code {
        case 0: return .textStart
        case 1: return .textEnd
        case 2: return .sentenceStart
        default: return .sentenceEnd
        }
    }
}

@inline(__always)
func saturatingAdd(_ x: Int, _ y: Int) -> Int {
    let (r, o) = x.addingReportingOverflow(y)
    return o ? Int.max / 4 : min(r, Int.max / 4)
}

@inline(__always)
func saturatingMul(_ x: Int, _ y: Int) -> Int {
    let (r, o) = x.multipliedReportingOverflow(by: y)
    return o ? Int.max / 4 : min(r, Int.max / 4)
}
