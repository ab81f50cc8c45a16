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
struct LookaroundEvaluator {
    let program: RuleSetProgram
    let lattice: Lattice

    /// Whether lookaround `id` holds at `position`; adds expanded states to `steps`.
    func holds(_ id: Int, at position: Int, steps: inout Int) -> Bool {
        let info = program.looks[id]
        let found = search(from: info.start, at: position, backward: info.backward, steps: &steps)
        return found != info.negated
    }

    private func search(from start: Int32, at position: Int, backward: Bool, steps: inout Int) -> Bool {
        let insts = program.insts
        let stride = insts.count
        var visited = Set<Int>()
        var stack: [(pc: Int32, pos: Int)] = [(start, position)]
        while let (pc, pos) = stack.popLast() {
            guard visited.insert(pos &* stride &+ Int(pc)).inserted else { continue }
            steps &+= 1
            let inst = insts[Int(pc)]
            switch inst.op {
            case .match: return true
            case .fail: break
            case .split: stack.append((inst.b, pos)); stack.append((inst.a, pos))
            case .jump: stack.append((inst.a, pos))
            case .save: stack.append((pc + 1, pos))
            case .assert:
                if lattice.holds(Compiler.assertion(inst.a), at: pos) { stack.append((pc + 1, pos)) }
            case .look:
                if holds(Int(inst.a), at: pos, steps: &steps) { stack.append((pc + 1, pos)) }
            case .scalar, .set, .edge, .notEdge:
                for next in consume(inst, at: pos, backward: backward) { stack.append((pc + 1, next)) }
            }
        }
        return false
    }

    /// The positions reached by consuming `inst` at `pos` in the given direction.
    private func consume(_ inst: Instruction, at pos: Int, backward: Bool) -> [Int] {
        let n = lattice.count
        let scalarIndex = backward ? pos - 1 : pos
        let target = backward ? pos - 1 : pos + 1
        switch inst.op {
        case .scalar:
            guard scalarIndex >= 0, scalarIndex < n, lattice.scalars[scalarIndex] == UInt32(inst.a) else { return [] }
            return [target]
        case .set:
            guard scalarIndex >= 0, scalarIndex < n, program.sets[Int(inst.a)].contains(lattice.scalars[scalarIndex]) else { return [] }
            return [target]
        case .notEdge:
            guard scalarIndex >= 0, scalarIndex < n, !lattice.hasEdge(at: scalarIndex, predicate: Int(inst.a)) else { return [] }
            return [target]
        case .edge:
            if backward {
                return lattice.inEdges(pos).compactMap { k in
                    let e = lattice.edges[Int(k)]
                    return e.predicate == Int(inst.a) ? e.start : nil
                }
            }
            return lattice.outRange(pos).compactMap { k in
                lattice.edges[k].predicate == Int(inst.a) ? lattice.edges[k].end : nil
            }
        default:
            return []
        }
    }
}
