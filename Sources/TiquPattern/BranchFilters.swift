/// Branch filters: at a split, a branch that cannot take its first step at the
/// position is not explored.
///
/// WHY: real rules are long alternations ([江河湖] "口" | "山口" | "街道" | ...) and
/// long negated lookaheads (?! A | B | ... ), compiled as chains of splits. Every start
/// of such a rule, and every evaluation of such a lookaround, used to walk the whole
/// chain and test each alternative's first element, although at almost every position
/// none of them can be taken. A split's filter says what each branch can consume first
/// (its first step, as for a lookaround's entry filter); where the
/// code point or the edges at the position offer none of it, the branch is skipped.
///
/// SOUND: a branch gets a filter only if no path from it reaches `match` or a negated
/// edge without consuming (every other zero-width instruction is passed over, which
/// only makes the first step larger). Then every path from the branch must take one of
/// its first steps at this position, so where none can be taken every path dies here,
/// producing no thread and no match: skipping it changes no result. Nor does it change
/// what later threads may do: an instruction the skipped branch would have marked
/// visited is reachable from it without consuming, so its paths die at this position
/// too, whoever reaches it. The differential tests check all three users (the main
/// pass, the capture pass and the lookaround search) against the reference interpreter.
///
/// COST: one load per split without a filter; a filter is a set test and a look at the
/// position's edges. Filtering every branch, however small, measured best (callgrind on
/// the seed: 5 % fewer instructions for the whole of annotate; filtering only branches
/// of four or eight instructions or more saved 4 % and 3 %).

/// The filters of one split instruction (a: its first branch, b: its second).
struct BranchFilter: Sendable, BitwiseCopyable {
    var a: LookStep
    var b: LookStep
    var filtersA: Bool
    var filtersB: Bool
}

/// Builds first-step filters, a searched lookaround's entry filter (`LookInfo.entry`) and
/// the branch filters of every split, from one table of first steps (`FirstSteps`), and
/// adds the code-point sets and predicate lists they use to the program's tables, each
/// distinct one once.
struct FirstStepFilters {
    private let insts: [Instruction]
    private var firstSteps: FirstSteps
    private(set) var sets: [ScalarSet]
    private(set) var lookPredicates: [Int32]
    private var setIds: [ScalarSet: Int32] = [:]
    private var predicateLists: [[Int32]: Range<Int32>] = [:]

    init(insts: [Instruction], sets: [ScalarSet], lookPredicates: [Int32]) {
        self.insts = insts
        firstSteps = FirstSteps(insts: insts, sets: sets)
        self.sets = sets
        self.lookPredicates = lookPredicates
        for (k, set) in sets.enumerated() where setIds[set] == nil { setIds[set] = Int32(k) }
    }

    /// What every path from `pc` consumes first, as a step to test; nil where some path
    /// can match or take a negated edge without consuming (no filter then). A backward
    /// sub-program is stored reversed, so its first step is also what it consumes first:
    /// the code point before the position or an edge ending there.
    mutating func filter(from pc: Int32) -> LookStep? {
        guard let first = firstSteps.step(from: pc) else { return nil }
        var filter = LookStep()
        if !first.ranges.isEmpty {
            let set = ScalarSet(ranges: first.ranges)
            filter.set = setIds[set] ?? {
                let id = Int32(sets.count)
                sets.append(set)
                setIds[set] = id
                return id
            }()
        }
        filter.predicates = predicateLists[first.predicates] ?? {
            let range = Int32(lookPredicates.count)..<Int32(lookPredicates.count + first.predicates.count)
            lookPredicates += first.predicates
            predicateLists[first.predicates] = range
            return range
        }()
        return filter
    }

    /// Per instruction, the index of its filter in the returned list, or -1.
    mutating func branchFilters() -> (filterOf: [Int32], filters: [BranchFilter]) {
        var filterOf = [Int32](repeating: -1, count: insts.count)
        var filters: [BranchFilter] = []
        for (pc, inst) in insts.enumerated() where inst.op == .split {
            let a = filter(from: inst.a), b = filter(from: inst.b)
            guard a != nil || b != nil else { continue }
            filterOf[pc] = Int32(filters.count)
            filters.append(BranchFilter(a: a ?? LookStep(), b: b ?? LookStep(), filtersA: a != nil, filtersB: b != nil))
        }
        return (filterOf, filters)
    }
}

/// What every path from an instruction consumes first, for all instructions at once:
/// each instruction's first step is the union of its successors' (zero-width
/// instructions passed over, as in `StartSetIndex.firstElements`), computed once and
/// remembered, so a chain of n alternatives costs O(n), not O(n²).
///
/// BOUNDED: a step of more than `maxRanges` code-point ranges or `maxPredicates`
/// predicates is no filter (nil), nor is any step once `budget` ranges have been merged
/// in all: a hostile program of a million instructions compiles in bounded time and
/// simply gets fewer filters. Nil also where a path matches or takes a negated edge
/// without consuming, and on a cycle of zero-width instructions (a nullable loop):
/// each only means that the branch is walked, never that a result changes.
private struct FirstSteps {
    struct Step {
        var ranges: [ClosedRange<UInt32>]
        var predicates: [Int32]   // sorted, distinct
    }

    private enum Entry {
        case unknown, inProgress, none
        case step(Step)
    }

    static let maxRanges = 128
    static let maxPredicates = 32
    private var budget = 4_000_000
    private let insts: [Instruction]
    private let sets: [ScalarSet]
    private var entries: [Entry]

    init(insts: [Instruction], sets: [ScalarSet]) {
        self.insts = insts
        self.sets = sets
        entries = [Entry](repeating: .unknown, count: insts.count)
    }

    /// The first step of every path from `pc`, or nil (no filter).
    mutating func step(from pc: Int32) -> Step? {
        var stack: [(pc: Int32, successorsDone: Bool)] = [(pc, false)]
        while let (pc, successorsDone) = stack.popLast() {
            let p = Int(pc)
            if successorsDone {
                entries[p] = merged(successors(of: insts[p], at: pc))
                continue
            }
            guard case .unknown = entries[p] else { continue }
            let inst = insts[p]
            if let leaf = leaf(inst) {
                entries[p] = leaf
                continue
            }
            entries[p] = .inProgress
            stack.append((pc, true))
            for next in successors(of: inst, at: pc) {
                if case .unknown = entries[Int(next)] { stack.append((next, false)) }
            }
        }
        guard case .step(let step) = entries[Int(pc)] else { return nil }
        return step
    }

    /// The entry of a consuming or final instruction; nil for a zero-width one.
    private func leaf(_ inst: Instruction) -> Entry? {
        switch inst.op {
        case .scalar: return .step(Step(ranges: [UInt32(bitPattern: inst.a)...UInt32(bitPattern: inst.a)], predicates: []))
        case .set:
            let ranges = sets[Int(inst.a)].ranges
            return ranges.count > FirstSteps.maxRanges ? Entry.none : .step(Step(ranges: ranges, predicates: []))
        case .edge: return .step(Step(ranges: [], predicates: [inst.a]))
        case .fail: return .step(Step(ranges: [], predicates: []))
        case .notEdge, .match: return Entry.none
        case .split, .jump, .save, .assert, .look: return nil
        }
    }

    private func successors(of inst: Instruction, at pc: Int32) -> [Int32] {
        switch inst.op {
        case .split: return [inst.a, inst.b]
        case .jump: return [inst.a]
        default: return [pc + 1]   // save, assert, look: passed over
        }
    }

    /// The union of the successors' steps (none if any is none or still in progress).
    private mutating func merged(_ successors: [Int32]) -> Entry {
        var ranges: [ClosedRange<UInt32>] = []
        var predicates: [Int32] = []
        for next in successors {
            guard case .step(let step) = entries[Int(next)] else { return Entry.none }
            ranges += step.ranges
            predicates += step.predicates
        }
        budget -= ranges.count + predicates.count
        guard budget > 0 else { return Entry.none }
        ranges = ScalarSet.normalize(ranges)
        predicates = Array(Set(predicates)).sorted()
        guard ranges.count <= FirstSteps.maxRanges, predicates.count <= FirstSteps.maxPredicates else { return Entry.none }
        return .step(Step(ranges: ranges, predicates: predicates))
    }
}

/// Tests first steps (a lookaround's one step or entry filter, a split's branch filters)
/// at a position of a lattice. Owned by each matcher and lookaround evaluator; its
/// tables are raw (RawBuffer.swift says why).
struct StepTester: ~Copyable {
    private let setTable: ScalarSetTable
    private let predicates: RawBuffer<Int32>
    private let filterOf: RawBuffer<Int32>
    private let filters: RawBuffer<BranchFilter>

    init(program: RuleSetProgram) {
        setTable = program.setTable
        predicates = RawBuffer(copying: program.lookPredicates)
        filterOf = RawBuffer(copying: program.branchFilterOf)
        filters = RawBuffer(copying: program.branchFilters)
    }

    /// Which branches of split instruction `pc` are worth walking at `position` (both,
    /// where the split has no filter).
    @inline(__always)
    func branches(ofSplit pc: Int, backward: Bool, at position: Int, in lattice: Lattice) -> (a: Bool, b: Bool) {
        let f = Int(filterOf[pc])
        guard f >= 0 else { return (true, true) }
        let filter = filters[f]
        return (!filter.filtersA || admits(filter.a, backward: backward, at: position, in: lattice),
                !filter.filtersB || admits(filter.b, backward: backward, at: position, in: lattice))
    }

    /// Whether `step` can be taken from `position`: its set holds the code point right
    /// after it (ahead) or right before it (behind), or one of its predicates an edge
    /// starting (ahead) or ending (behind) there.
    @inline(__always)
    func admits(_ step: LookStep, backward: Bool, at position: Int, in lattice: Lattice) -> Bool {
        let index = backward ? position - 1 : position
        if step.set >= 0, index >= 0, index < lattice.count, setTable.contains(Int(step.set), lattice.scalars[index]) {
            return true
        }
        guard !step.predicates.isEmpty else { return false }
        if backward {
            for k in lattice.inEdges(position) where wanted(step, lattice.edges[Int(k)].predicate) { return true }
        } else {
            for k in lattice.outRange(position) where wanted(step, lattice.edges[k].predicate) { return true }
        }
        return false
    }

    /// Whether `predicate` is one of the step's.
    @inline(__always)
    private func wanted(_ step: LookStep, _ predicate: Int) -> Bool {
        for k in step.predicates where Int(predicates[Int(k)]) == predicate { return true }
        return false
    }
}
