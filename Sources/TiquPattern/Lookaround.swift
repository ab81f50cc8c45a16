/// Evaluation of lookaround assertions.
///
/// A lookaround holds at position p if its sub-program has SOME match starting at p
/// (lookahead, any end) or ending at p (lookbehind, any start); captures inside are
/// ignored and empty sub-matches count. Priority is irrelevant for existence, so the
/// evaluator is a depth-first search over (instruction, position) states with a visited
/// set: each state is expanded once. Lookbehind sub-programs are compiled with their
/// sequences reversed and run right to left, consuming code point p-1 or an edge ending
/// at p (found through the lattice's by-end index).
///
/// Cost: the compiler only accepts bounded sub-patterns (no unbounded repetition) whose
/// size × longest match is at most `CompileLimits.maxLookaroundSteps`, so the states
/// reachable from one position are bounded by that product times the edges leaving each
/// reached position. The matcher memoises the result per (position, lookaround) within
/// a step, so each lookaround is evaluated at most once per position.
///
/// Most lookarounds guard against rare words and fail almost everywhere, so a searched
/// lookaround that must consume before it can match first checks its entry filter (what
/// its first step consumes, `LookInfo.entry`): where that is missing, the search would
/// fail at once and is not run. One check per evaluation (a set lookup and the edges at
/// the position) and no change to any result.
///
/// Lookarounds run at almost every position of a real rule set, so the evaluator keeps
/// its buffers between searches: the first position each instruction was visited at (by
/// instruction, valid for one search id), an open-addressing set for further positions
/// that is cleared through the list of slots it filled, and the work stack. Nothing is
/// allocated per search.
struct LookaroundEvaluator: ~Copyable {
    private var slots = [Int](repeating: 0, count: 64)   // key + 1, or 0 for empty
    /// Most instructions are reached at one position per search, so the first position
    /// of each is kept by instruction (`firstSearch[pc]` is the search that set
    /// `firstPosition[pc]`), and only further positions go to the hashed set. These and
    /// the stack are raw buffers (RawBuffer.swift says why).
    private let firstSearch: RawBuffer<Int>
    private let firstPosition: RawBuffer<Int>
    private var searchCount = 0
    private var filled: [Int] = []
    private var stack = RawStack<LookaroundState>()
    /// The program's instructions, read at every step of a search (raw: reading them
    /// through the program would retain and release its array each time).
    private let insts: RawBuffer<Instruction>
    /// The program's lookarounds, raw for the same reason.
    private let looks: RawBuffer<LookInfo>
    /// Tests one-step lookarounds, entry filters and branch filters (BranchFilters.swift).
    private let stepTester: StepTester
    /// The evaluator for lookarounds nested in this one's sub-program, kept like the
    /// buffers (boxed: an evaluator is noncopyable and holds no evaluator inline).
    private var nested: NestedEvaluator?

    /// An evaluator for `program`'s lookarounds.
    init(program: RuleSetProgram) {
        firstSearch = RawBuffer(zeroed: program.insts.count)
        firstPosition = RawBuffer(zeroed: program.insts.count)
        insts = RawBuffer(copying: program.insts)
        looks = RawBuffer(copying: program.looks)
        stepTester = StepTester(program: program)
    }

    /// Whether lookaround `id` holds at `position`; adds expanded states to `steps`.
    mutating func holds(_ id: Int, at position: Int, program: RuleSetProgram, lattice: Lattice, steps: inout Int) -> Bool {
        let info = looks[id]
        steps &+= 1
        if let step = info.oneStep {
            return stepTester.admits(step, backward: info.backward, at: position, in: lattice) != info.negated
        }
        if let entry = info.entry, !stepTester.admits(entry, backward: info.backward, at: position, in: lattice) {
            return info.negated
        }
        let found = search(from: info.start, at: position, backward: info.backward, program: program, lattice: lattice, steps: &steps)
        return found != info.negated
    }

    private mutating func search(from start: Int32, at position: Int, backward: Bool, program: RuleSetProgram,
                                 lattice: Lattice, steps: inout Int) -> Bool {
        clear()
        let stride = program.insts.count
        stack.push(LookaroundState(pc: start, pos: position))
        defer { stack.removeAll() }
        while !stack.isEmpty {
            let state = stack.pop()
            let pc = state.pc, pos = state.pos
            guard visit(Int(pc), pos, stride: stride) else { continue }
            steps &+= 1
            let inst = insts[Int(pc)]
            switch inst.op {
            case .match: return true
            case .fail: break
            case .split:
                let walk = stepTester.branches(ofSplit: Int(pc), backward: backward, at: pos, in: lattice)
                if walk.b { stack.push(LookaroundState(pc: inst.b, pos: pos)) }
                if walk.a { stack.push(LookaroundState(pc: inst.a, pos: pos)) }
            case .jump: stack.push(LookaroundState(pc: inst.a, pos: pos))
            case .save: stack.push(LookaroundState(pc: pc + 1, pos: pos))
            case .assert:
                if lattice.holds(Compiler.assertion(inst.a), at: pos) { stack.push(LookaroundState(pc: pc + 1, pos: pos)) }
            case .look:
                // A nested lookaround gets its own evaluator: this one's state is in use.
                let inner = nested ?? NestedEvaluator(program: program)
                nested = inner
                if inner.evaluator.holds(Int(inst.a), at: pos, program: program, lattice: lattice, steps: &steps) {
                    stack.push(LookaroundState(pc: pc + 1, pos: pos))
                }
            case .scalar, .set, .edge, .notEdge:
                consume(inst, at: pos, pc: pc, backward: backward, program: program, lattice: lattice)
            }
        }
        return false
    }

    /// Pushes the states reached by consuming `inst` at `pos` in the given direction.
    private mutating func consume(_ inst: Instruction, at pos: Int, pc: Int32, backward: Bool,
                                  program: RuleSetProgram, lattice: Lattice) {
        let n = lattice.count
        let scalarIndex = backward ? pos - 1 : pos
        let target = backward ? pos - 1 : pos + 1
        switch inst.op {
        case .scalar:
            if scalarIndex >= 0, scalarIndex < n, lattice.scalars[scalarIndex] == UInt32(inst.a) { stack.push(LookaroundState(pc: pc + 1, pos: target)) }
        case .set:
            if scalarIndex >= 0, scalarIndex < n, program.setTable.contains(Int(inst.a), lattice.scalars[scalarIndex]) {
                stack.push(LookaroundState(pc: pc + 1, pos: target))
            }
        case .notEdge:
            if scalarIndex >= 0, scalarIndex < n, !lattice.hasEdge(at: scalarIndex, predicate: Int(inst.a)) {
                stack.push(LookaroundState(pc: pc + 1, pos: target))
            }
        case .edge:
            if backward {
                for k in lattice.inEdges(pos) where lattice.edges[Int(k)].predicate == Int(inst.a) {
                    stack.push(LookaroundState(pc: pc + 1, pos: lattice.edges[Int(k)].start))
                }
            } else {
                for k in lattice.outRange(pos) where lattice.edges[k].predicate == Int(inst.a) {
                    stack.push(LookaroundState(pc: pc + 1, pos: lattice.edges[k].end))
                }
            }
        default:
            break
        }
    }

    // MARK: visited set

    /// Starts a search: forgets every visited state.
    private mutating func clear() {
        searchCount += 1
        clearSlots()
    }

    /// Marks state (pc, pos) visited; false if it was already.
    @inline(__always)
    private mutating func visit(_ pc: Int, _ pos: Int, stride: Int) -> Bool {
        if firstSearch[pc] != searchCount {
            firstSearch[pc] = searchCount
            firstPosition[pc] = pos
            return true
        }
        return firstPosition[pc] != pos && insert(pos &* stride &+ pc)
    }

    private mutating func clearSlots() {
        for slot in filled { slots[slot] = 0 }
        filled.removeAll(keepingCapacity: true)
    }

    /// Adds `key`; false if it was already there.
    private mutating func insert(_ key: Int) -> Bool {
        if 2 * (filled.count + 1) > slots.count { grow() }
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: UInt64(bitPattern: Int64(key)) &* 0x9E37_79B9_7F4A_7C15 >> 20) & mask
        while slots[slot] != 0 {
            if slots[slot] == key &+ 1 { return false }
            slot = (slot + 1) & mask
        }
        slots[slot] = key &+ 1
        filled.append(slot)
        return true
    }

    private mutating func grow() {
        let keys = filled.map { slots[$0] - 1 }
        slots = [Int](repeating: 0, count: slots.count * 2)
        filled.removeAll(keepingCapacity: true)
        for key in keys { _ = insert(key) }
    }
}

/// A state of a lookaround search: instruction `pc` to run at position `pos`. (Not
/// nested in the evaluator: a private type as a generic argument of a noncopyable
/// type breaks the debug build of Swift 6.3.)
struct LookaroundState {
    var pc: Int32
    var pos: Int
}

/// A nested lookaround's evaluator, boxed (see `LookaroundEvaluator.nested`).
private final class NestedEvaluator {
    var evaluator: LookaroundEvaluator

    init(program: RuleSetProgram) {
        evaluator = LookaroundEvaluator(program: program)
    }
}
