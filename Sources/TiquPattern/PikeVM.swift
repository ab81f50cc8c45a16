// PikeVM.swift — the matcher: all rules of a rule set in one left-to-right pass.
//
// GUARANTEE (in the spirit of RE2)
//
//   Matching never backtracks. For a program of m instructions (all rules and
//   lookarounds together) and a lattice of n code points, the main pass does at most
//
//       O(m × (n + S))    work, where S = Σ over edges taken of (end − start)
//
//   plus lookaround evaluation (each lookaround at most once per position, each
//   evaluation bounded by CompileLimits.maxLookaroundSteps times the lattice's edge
//   fan-out) plus the capture pass, O(m_r × (e − s + S_local)) per reported match of
//   rule r with captures; since one rule's matches never overlap, that sums to
//   O(m × (n + S)) as well. The prefilters add no more: a start-set lookup per code
//   point and edge, the required-anchor checks (RequiredAnchors.swift), which
//   compute each position's anchor mask once and answer every query in O(1), and the
//   branch filters (BranchFilters.swift), a set test and a look at the position's
//   edges (at most 32 predicates each) per split expanded, which only ever remove work.
//   Memory is O(m × (1 + longest edge)) threads.
//
//   WHY: the state of the search at a position is a list of threads, and a thread is
//   just (instruction, rule, start, generation). At each position every instruction is
//   expanded at most once (a per-position visited mark), so at most m threads leave a
//   position, and each moves one code point or along one edge. A thread that takes an
//   edge waits in the frontier until the edge's end; waiting threads are carried from
//   position to position (that is the S term: it is O(n) for a token lattice where
//   edges are short, and it is why a long entity edge costs its length, not more).
//   There is no recursion over the text and no dependence on how many ways a pattern
//   could match, so patterns like (a*)*b or (a|aa)*c on 1 MB run in linear time; the
//   tests check the step counter (`MatchStatistics`) against the bound.
//
// MATCHING SEMANTICS (the reference interpreter in the tests implements exactly this)
//
//   Elements.  scalars(set) consumes code point p if it is in the set. edge(k) consumes
//   one lattice edge (p, e, k), moving to e. notEdge(k) consumes code point p if no edge
//   with predicate k starts at p. Assertions: textStart p == 0; textEnd p == n;
//   sentenceStart p == 0 or p is a sentence boundary; sentenceEnd p == n or p is a
//   boundary. look(ahead) holds if the sub-pattern matches from p (any end, empty
//   allowed); look(behind) if it matches some j..<p; negated inverts. Captures inside a
//   lookaround are not reported.
//
//   Priority (Perl/RE2 leftmost-first). The candidate matches from a start s are the
//   paths through the pattern, ordered depth-first: alternation tries earlier
//   alternatives first; greedy repetition tries one more iteration before stopping, lazy
//   the reverse; x{m,n} is m copies of x followed by n−m nested optionals; among the
//   edges of one predicate starting at p the LONGER edge comes first. Loop rule (as in
//   RE2, not Perl): within one search (the start positions tried from cur until a match
//   is found), the head of each unbounded repetition (each copy, for x{m,}) is entered
//   at most once per position; a path reaching it again at the same position dies. So
//   an iteration that consumes nothing is abandoned, and in nested nullable loops such
//   as (x*?)* a fresh inner loop cannot restart at a position where that inner loop's
//   head was already passed. (Bounded repetitions are unrolled and have no loop rule.)
//   The match at s is the first path in that order that reaches the end of the
//   pattern with end > s: EMPTY MATCHES ARE NEVER REPORTED (a path ending at s counts as
//   a failure and the next path is tried). Captures are the positions recorded along
//   that path (the last iteration that entered a group wins; a group never entered is
//   nil).
//
//   Reporting. For each rule independently: find the leftmost s >= cur at which the rule
//   has a match, report it, set cur to its end, repeat (findall; non-overlapping within a
//   rule; overlapping across rules). Results are sorted by (start, rule).
//
// HOW THE ONE-PASS VM KEEPS PERL PRIORITY ACROSS EDGES
//
//   The frontier is one list of threads in priority order, each tagged with the position
//   it waits for. At position i the list is walked in order: threads waiting for i are
//   expanded (depth-first closure in priority order), and their successors replace them
//   IN PLACE, whatever position they land on; threads waiting for later positions keep
//   their place. So the list stays ordered by true path priority even when paths arrive
//   at a position from origins of different lengths, and "first visitor wins" per
//   (instruction, position) keeps the highest-priority path — the classical Pike-VM
//   argument: the future of a thread depends only on (instruction, position).
//
//   Per rule, leftmost-first is a cut: when a thread of a rule matches, every later
//   (lower-priority) thread of that rule is dropped; higher ones continue and may
//   replace the match. New starts are seeded at the end of the list (lowest priority).
//   Non-overlap without rescanning: once a rule has a tentative match ending at e, the
//   starts it seeds belong to a new GENERATION (the next findall search). Generations are
//   ordered in the list like priorities, so a newer generation's thread that reaches the
//   same (instruction, position) as an older one's is merged into the older: if the older
//   later matches, the newer start lies inside that match and was invalid anyway; if it
//   dies, the newer would have died the same way. When a generation matches again, newer
//   generations are discarded with the cut. A generation's match is final when no older
//   generation is alive and it has no threads left. Captures are then filled in by an
//   anchored pass over s...e of that rule alone, unless the rule's one group is the
//   whole match (Pattern.captureIsWholeMatch: nothing but zero-width guards around it).

/// One reported match of one rule.
public struct PatternMatch: Sendable, Hashable {
    /// The rule's index in the compiled rule set.
    public var rule: Int
    /// The match covers lattice positions start..<end (end > start).
    public var start: Int
    public var end: Int
    /// One entry per capture group of the rule; nil if the group did not participate.
    public var captures: [Range<Int>?]

    public init(rule: Int, start: Int, end: Int, captures: [Range<Int>?] = []) {
        self.rule = rule
        self.start = start
        self.end = end
        self.captures = captures
    }
}

/// Work counters of the last `PatternMatcher.matches(in:)` call, for checking the bound.
public struct MatchStatistics: Sendable, Hashable {
    /// Positions processed (n + 1).
    public var positions = 0
    /// Instructions expanded plus waiting threads carried, in the main pass.
    public var threadSteps = 0
    /// (instruction, position) states expanded by lookaround evaluation.
    public var lookaroundSteps = 0
    /// Instructions expanded plus threads carried by the capture passes.
    public var captureSteps = 0

    /// All counted work.
    public var total: Int { threadSteps + lookaroundSteps + captureSteps }
    /// The main pass's work by rule, when the matcher was made with `profilingRules`
    /// (empty otherwise): what a rule author needs to find the rules that cost most.
    public var rules: [RuleWork] = []
}

/// The main pass's work for one rule (see `MatchStatistics.rules`).
public struct RuleWork: Sendable, Hashable {
    /// Positions where the rule was started (its prefilters admitted it).
    public var starts = 0
    /// Instructions of the rule expanded.
    public var threadSteps = 0
    /// Lookaround states expanded for the rule's threads and entry guards (a lookaround
    /// shared by several rules is charged to the first that asked at a position).
    public var lookaroundSteps = 0
    /// Matches reported, before any conflict resolution.
    public var matches = 0

    public init() {}

    /// All counted work.
    public var steps: Int { threadSteps + lookaroundSteps }

    public static func + (a: RuleWork, b: RuleWork) -> RuleWork {
        var sum = a
        sum.starts += b.starts
        sum.threadSteps += b.threadSteps
        sum.lookaroundSteps += b.lookaroundSteps
        sum.matches += b.matches
        return sum
    }
}

/// Finds all matches of every rule of `program` in `lattice` (see the semantics above).
public func matches(of program: RuleSetProgram, in lattice: Lattice) -> [PatternMatch] {
    var matcher = PatternMatcher(program: program)
    return matcher.matches(in: lattice)
}

/// A matcher with reusable buffers; reuse one per thread to avoid reallocation.
/// Positions are stored in 32 bits: documents are limited to 2^31 − 1 code points.
/// Noncopyable: it owns raw buffers (RawBuffer.swift).
public struct PatternMatcher: ~Copyable {
    /// A thread of the main pass: a path waiting at `pos` to run instruction `pc`.
    private struct Thread: Sendable {
        var pos: Int32
        var pc: Int32
        var rule: Int32
        var gen: Int32
        var start: Int32
    }

    /// A thread of the capture pass; `caps` is the offset of its slots in `captureArena`.
    private struct CaptureThread: Sendable {
        var pos: Int32
        var pc: Int32
        var caps: Int32
    }

    /// One findall search of one rule; `start < 0` while it has no tentative match.
    private struct Generation: Sendable {
        var id: Int32
        var start: Int32
        var end: Int32
    }

    /// The compiled rule set.
    public let program: RuleSetProgram
    /// Whether `statistics.rules` is kept (off by default: it costs a little per thread).
    public let profilingRules: Bool
    /// Work done by the last call of `matches(in:)`.
    public private(set) var statistics = MatchStatistics()

    private var lattice = Lattice(scalars: [])
    private var current: [Thread] = []
    private var upcoming: [Thread] = []
    /// The closure's work stack (RawBuffer.swift says why these are raw): it never
    /// holds more than 2 × instructions + 1 entries, since an instruction is expanded
    /// once per closure and pushes at most two.
    private let stack: RawBuffer<Int32>
    private let visited: RawBuffer<Int>         // per instruction: the visit stamp that expanded it
    private let insts: RawBuffer<Instruction>   // the program's, read at every step
    private let stepTester: StepTester          // branch filters (BranchFilters.swift)
    private var visitStamp = 0
    private var stampCounter = 0
    private var epoch = 0               // one per position; keys all other per-step marks
    private var generations: [[Generation]]
    private var generationHead: [Int]
    private var nextGenerationId: [Int32]
    // Per rule, read at every seed and thread:
    private let cutEpoch: RawBuffer<Int>
    private let firstGenerationEpoch: RawBuffer<Int>
    private let firstGeneration: RawBuffer<Int32>
    private let seedEpoch: RawBuffer<Int>
    private let retryAt: RawBuffer<Int>       // per rule: no start before this position can match
    private let listRetryAt: RawBuffer<Int>   // per start-set list: no rule of it starts before this position
    private var pendingRules: [Int32] = []
    private var isPending: [Bool]
    private let lookEpoch: RawBuffer<Int>
    private let lookValue: RawBuffer<Bool>
    private var lookarounds: LookaroundEvaluator
    /// The program's prefilter, copied here: the matcher reads it at every position,
    /// and reading it through `program` would cost a retain and a release each time.
    private let prefilter: StartSetIndex
    private var anchorScanner: AnchorScanner
    private var found: [PatternMatch] = []
    private var captureArena: [Int32] = []
    private var captureWork: [(pc: Int32, caps: Int32)] = []

    /// Creates a matcher for `program`; with `profilingRules`, its statistics say how
    /// much of the work each rule caused.
    public init(program: RuleSetProgram, profilingRules: Bool = false) {
        self.program = program
        self.profilingRules = profilingRules
        let rules = program.ruleCount
        stack = RawBuffer(zeroed: 2 * program.instructionCount + 2)
        visited = RawBuffer(zeroed: program.instructionCount)
        insts = RawBuffer(copying: program.insts)
        stepTester = StepTester(program: program)
        generations = [[Generation]](repeating: [], count: rules)
        generationHead = [Int](repeating: 0, count: rules)
        nextGenerationId = [Int32](repeating: 0, count: rules)
        cutEpoch = RawBuffer(zeroed: rules)
        firstGenerationEpoch = RawBuffer(zeroed: rules)
        firstGeneration = RawBuffer(zeroed: rules)
        seedEpoch = RawBuffer(zeroed: rules)
        retryAt = RawBuffer(zeroed: rules)
        listRetryAt = RawBuffer(zeroed: max(0, program.prefilter.offsets.count - 1))
        isPending = [Bool](repeating: false, count: rules)
        lookarounds = LookaroundEvaluator(program: program)
        lookEpoch = RawBuffer(zeroed: program.looks.count)
        lookValue = RawBuffer(zeroed: program.looks.count)
        prefilter = program.prefilter
        anchorScanner = AnchorScanner(program.anchors)
    }

    /// All matches of all rules in `lattice`, sorted by (start, rule).
    public mutating func matches(in lattice: Lattice) -> [PatternMatch] {
        precondition(lattice.count < Int(Int32.max), "document too long")
        self.lattice = lattice
        statistics = MatchStatistics()
        if profilingRules { statistics.rules = [RuleWork](repeating: RuleWork(), count: program.ruleCount) }
        found.removeAll()
        anchorScanner.start(lattice)
        retryAt.fill(0)
        listRetryAt.fill(0)
        let skips = prefilter.broad.isEmpty && prefilter.broadAstral.isEmpty && prefilter.always.isEmpty
        var i = 0
        while i <= lattice.count {
            if skips && current.isEmpty && pendingRules.isEmpty {
                let next = nextSeedable(from: i)
                statistics.positions += next - i
                i = next
                if i == lattice.count {   // nothing is alive and nothing starts at the end
                    statistics.positions += 1
                    break
                }
            }
            defer { i += 1 }
            epoch += 1
            stampCounter += 1
            visitStamp = stampCounter
            statistics.positions += 1
            if !current.isEmpty { advance(to: i) }
            seed(at: i)
            if !pendingRules.isEmpty { finalizeGenerations() }
            // Most positions start and leave no thread: nothing to swap then.
            if !current.isEmpty || !upcoming.isEmpty {
                swap(&current, &upcoming)
                upcoming.removeAll(keepingCapacity: true)
            }
        }
        var result = found
        found.removeAll()
        result.sort { ($0.start, $0.rule) < ($1.start, $1.rule) }
        for k in result.indices where program.captureCounts[result[k].rule] > 0 {
            let (rule, start, end) = (result[k].rule, result[k].start, result[k].end)
            result[k].captures = program.captureIsWholeMatch[rule] ? [start..<end] : captureGroups(rule: rule, start: start, end: end)
        }
        self.lattice = Lattice(scalars: [])
        anchorScanner.finish()
        return result
    }

    // MARK: Main pass

    /// Walks the frontier in priority order, expanding the threads waiting for `i`.
    private mutating func advance(to i: Int) {
        var frontier: [Thread] = []
        swap(&frontier, &current)   // iterated while self changes: moved out, not copied
        defer {
            swap(&frontier, &current)
        }
        statistics.threadSteps &+= frontier.count
        for t in frontier {
            if cutEpoch[Int(t.rule)] == epoch { continue }   // below a match found at i
            if Int(t.pos) > i {
                push(t)
            } else {
                expand(from: t.pc, rule: t.rule, gen: t.gen, start: t.start, at: i)
            }
        }
    }

    /// The first position at or after `i` where `seed` would start anything (or the end
    /// of the lattice), when no rule has only its start sets (no broad or always rules).
    /// While no thread is alive and no match pending, the positions before it do nothing
    /// at all, so the main loop passes over them in this tight loop instead.
    private func nextSeedable(from i: Int) -> Int {
        let n = lattice.count
        var p = i
        while p < n {
            let list = prefilter.list(forScalar: lattice.scalars[p])
            if list >= 0 && listRetryAt[list] <= p { return p }
            for k in lattice.outRange(p) {
                let edgeList = prefilter.list(forPredicate: lattice.edges[k].predicate)
                if edgeList >= 0 && listRetryAt[edgeList] <= p { return p }
            }
            p += 1
        }
        return n
    }

    /// Seeds every rule whose start set admits position `i` (lowest priority).
    private mutating func seed(at i: Int) {
        guard i < lattice.count else { return }
        let c = lattice.scalars[i]
        let scalarList = prefilter.list(forScalar: c)
        if scalarList >= 0 { seedList(scalarList, at: i) }
        for k in lattice.outRange(i) {
            let list = prefilter.list(forPredicate: lattice.edges[k].predicate)
            if list >= 0 { seedList(list, at: i) }
        }
        for b in prefilter.broad where b.set.contains(c) { seedRule(b.rule, at: i) }
        if c >= 0x10000 {
            for b in prefilter.broadAstral where b.set.contains(c) { seedRule(b.rule, at: i) }
        }
        for r in prefilter.always { seedRule(r, at: i) }
    }

    /// Seeds the rules of start-set list `list`. Most of them usually wait for an
    /// anchor out of reach (`retryAt`), and a rule's `retryAt` only grows within a
    /// document, so the smallest over the list bounds them all: until then the list
    /// is passed over whole.
    @inline(__always)
    private mutating func seedList(_ list: Int, at i: Int) {
        guard listRetryAt[list] <= i else { return }
        var next = Int.max
        for k in Int(prefilter.offsets[list])..<Int(prefilter.offsets[list + 1]) {
            let rule = prefilter.rules[k]
            seedRule(rule, at: i)
            next = min(next, retryAt[Int(rule)])
        }
        listRetryAt[list] = next
    }

    /// Seeds rule `rule` at `i` unless it was seeded here already or its anchor is known
    /// to be out of reach (the common case: inlined, so that it costs two loads).
    @inline(__always)
    private mutating func seedRule(_ rule: Int32, at i: Int) {
        let r = Int(rule)
        guard seedEpoch[r] != epoch, retryAt[r] <= i else { return }
        startRule(rule, at: i)
    }

    /// Starts rule `rule` at `i` if its anchors and entry guard admit it there.
    private mutating func startRule(_ rule: Int32, at i: Int) {
        let r = Int(rule)
        let admission = anchorScanner.admission(program.ruleStarts[r], at: i)
        guard admission == i else {
            retryAt[r] = admission   // its anchor is out of reach until then
            return
        }
        let lookedBefore = statistics.lookaroundSteps
        let admitted = entryGuardHolds(r, at: i)
        if profilingRules {
            statistics.rules[r].lookaroundSteps += statistics.lookaroundSteps - lookedBefore
            if admitted { statistics.rules[r].starts += 1 }
        }
        guard admitted else { return }
        seedEpoch[r] = epoch
        let gen = openGeneration(r)
        guard cutEpoch[r] == epoch else {
            expand(from: program.ruleStarts[r], rule: rule, gen: gen, start: Int32(i), at: i)
            return
        }
        // The rule matched at i and the closure that matched was abandoned midway, so its
        // visit marks do not stand for complete futures: the new generation's seed must
        // not be merged into them. A fresh stamp (the rule's instructions are disjoint
        // from other rules') makes it expand independently; duplicates of complete older
        // threads are merged at the next position instead.
        let shared = visitStamp
        stampCounter += 1
        visitStamp = stampCounter
        expand(from: program.ruleStarts[r], rule: rule, gen: gen, start: Int32(i), at: i)
        visitStamp = shared
    }

    /// The generation new starts of rule `r` belong to: the youngest one if it is still
    /// searching, otherwise a new one (the next findall search, speculatively).
    private mutating func openGeneration(_ r: Int) -> Int32 {
        if generationHead[r] < generations[r].count, let last = generations[r].last, last.start < 0 {
            return last.id
        }
        let id = nextGenerationId[r]
        nextGenerationId[r] &+= 1
        generations[r].append(Generation(id: id, start: -1, end: -1))
        return id
    }

    /// The depth-first closure of one thread at `i` in priority order. Consuming
    /// instructions move the thread on (appending successors in order); a match cuts
    /// every lower-priority thread of the rule.
    private mutating func expand(from pc0: Int32, rule: Int32, gen: Int32, start: Int32, at i: Int) {
        guard profilingRules else {
            return expandClosure(from: pc0, rule: rule, gen: gen, start: start, at: i)
        }
        let (stepsBefore, lookedBefore) = (statistics.threadSteps, statistics.lookaroundSteps)
        expandClosure(from: pc0, rule: rule, gen: gen, start: start, at: i)
        statistics.rules[Int(rule)].threadSteps += statistics.threadSteps - stepsBefore
        statistics.rules[Int(rule)].lookaroundSteps += statistics.lookaroundSteps - lookedBefore
    }

    /// `expand` without the per-rule accounting.
    private mutating func expandClosure(from pc0: Int32, rule: Int32, gen: Int32, start: Int32, at i: Int) {
        var top = 1
        stack[0] = pc0
        while top > 0 {
            top &-= 1
            let pc = stack[top]
            let p = Int(pc)
            if visited[p] == visitStamp { continue }
            visited[p] = visitStamp
            statistics.threadSteps &+= 1
            let inst = insts[p]
            switch inst.op {
            case .split:
                let walk = stepTester.branches(ofSplit: p, backward: false, at: i, in: lattice)
                if walk.b { stack[top] = inst.b; top &+= 1 }
                if walk.a { stack[top] = inst.a; top &+= 1 }
            case .jump:
                stack[top] = inst.a
                top &+= 1
            case .save:
                stack[top] = pc &+ 1
                top &+= 1
            case .assert:
                if lattice.holds(Compiler.assertion(inst.a), at: i) { stack[top] = pc &+ 1; top &+= 1 }
            case .look:
                if anchorScanner.admits(pc, at: i), lookHolds(Int(inst.a), at: i) { stack[top] = pc &+ 1; top &+= 1 }
            case .match:
                if Int(start) < i {   // empty matches are failures
                    recordMatch(rule: rule, gen: gen, start: start, end: i)
                    return
                }
            case .fail:
                break
            case .scalar, .set, .notEdge, .edge:
                guard anchorScanner.admits(pc, at: i) else { continue }   // it could not match
                Self.step(inst, at: i, in: lattice, program) { pos in
                    push(Thread(pos: pos, pc: pc + 1, rule: rule, gen: gen, start: start))
                }
            }
        }
    }

    /// Applies a consuming instruction at `i`: calls `reached` with each position it
    /// moves to (edges longest first).
    @inline(__always)
    private static func step(_ inst: Instruction, at i: Int, in lattice: Lattice, _ program: RuleSetProgram,
                             _ reached: (Int32) -> Void) {
        let n = lattice.count
        switch inst.op {
        case .scalar:
            if i < n && lattice.scalars[i] == UInt32(bitPattern: inst.a) { reached(Int32(i + 1)) }
        case .set:
            if i < n && program.setTable.contains(Int(inst.a), lattice.scalars[i]) { reached(Int32(i + 1)) }
        case .notEdge:
            if i < n && !lattice.hasEdge(at: i, predicate: Int(inst.a)) { reached(Int32(i + 1)) }
        case .edge:
            for k in lattice.outRange(i) where lattice.edges[k].predicate == Int(inst.a) {
                reached(Int32(lattice.edges[k].end))
            }
        default:
            break
        }
    }

    @inline(__always)
    private mutating func push(_ t: Thread) {
        upcoming.append(t)
        let r = Int(t.rule)
        if firstGenerationEpoch[r] != epoch {   // the first thread of a rule is its oldest generation
            firstGenerationEpoch[r] = epoch
            firstGeneration[r] = t.gen
        }
    }

    private mutating func recordMatch(rule: Int32, gen: Int32, start: Int32, end i: Int) {
        let r = Int(rule)
        while let last = generations[r].last, last.id > gen { generations[r].removeLast() }
        let k = generations[r].count - 1
        assert(k >= generationHead[r] && generations[r][k].id == gen)
        generations[r][k].start = start
        generations[r][k].end = Int32(i)
        cutEpoch[r] = epoch
        if !isPending[r] {
            isPending[r] = true
            pendingRules.append(rule)
        }
    }

    /// Reports the tentative matches that became final: those of generations older than
    /// the oldest generation that still has threads.
    private mutating func finalizeGenerations() {
        var kept = 0
        for k in pendingRules.indices {
            let rule = pendingRules[k]
            let r = Int(rule)
            let oldestAlive = firstGenerationEpoch[r] == epoch ? firstGeneration[r] : Int32.max
            var h = generationHead[r]
            while h < generations[r].count, generations[r][h].id < oldestAlive, generations[r][h].start >= 0 {
                let g = generations[r][h]
                found.append(PatternMatch(rule: r, start: Int(g.start), end: Int(g.end)))
                if profilingRules { statistics.rules[r].matches += 1 }
                h += 1
            }
            if h == generations[r].count {
                generations[r].removeAll(keepingCapacity: true)
                h = 0
            }
            generationHead[r] = h
            if h < generations[r].count, generations[r][h].start >= 0 {
                pendingRules[kept] = rule
                kept += 1
            } else {
                isPending[r] = false
            }
        }
        pendingRules.removeLast(pendingRules.count - kept)
    }

    /// Whether rule r's entry guard (if it has one) holds at i; see StartSetIndex.
    @inline(__always)
    private mutating func entryGuardHolds(_ r: Int, at i: Int) -> Bool {
        let first = Int(prefilter.guardOffsets[r]), last = Int(prefilter.guardOffsets[r + 1])
        guard first < last else { return true }
        for k in first..<last {
            switch prefilter.guards[k] {
            case .look(let id): if lookHolds(Int(id), at: i) { return true }
            case .assertion(let code): if lattice.holds(Compiler.assertion(code), at: i) { return true }
            }
        }
        return false
    }

    private mutating func lookHolds(_ id: Int, at i: Int) -> Bool {
        if lookEpoch[id] == epoch { return lookValue[id] }   // all lookups of an epoch are at i
        let value = lookarounds.holds(id, at: i, program: program, lattice: lattice, steps: &statistics.lookaroundSteps)
        lookEpoch[id] = epoch
        lookValue[id] = value
        return value
    }

    // MARK: Capture pass

    /// Replays rule `rule` anchored at `s`, keeping only paths that can end at `e`; the
    /// first path (in priority order) to match at `e` is the reported match's path.
    /// A thread's capture slots live in `captureArena` (2 × groups entries from its
    /// offset): a save copies them once, and nothing is allocated per thread.
    private mutating func captureGroups(rule: Int, start s: Int, end e: Int) -> [Range<Int>?] {
        let groups = program.captureCounts[rule]
        captureArena.removeAll(keepingCapacity: true)
        captureArena.append(contentsOf: repeatElement(-1, count: 2 * groups))
        var frontier = [CaptureThread(pos: Int32(s), pc: program.ruleStarts[rule], caps: 0)]
        var later: [CaptureThread] = []
        for i in s...e {
            epoch += 1
            stampCounter += 1
            visitStamp = stampCounter
            statistics.captureSteps &+= frontier.count
            for t in frontier {
                if Int(t.pos) > i {
                    later.append(t)
                } else if let caps = expandCapturing(t, at: i, end: e, width: 2 * groups, into: &later) {
                    return (0..<groups).map { g in
                        let a = Int(captureArena[caps + 2 * g]), b = Int(captureArena[caps + 2 * g + 1])
                        return a >= 0 && b >= a ? a..<b : nil
                    }
                }
            }
            swap(&frontier, &later)
            later.removeAll(keepingCapacity: true)
        }
        assertionFailure("capture pass lost the match")
        return [Range<Int>?](repeating: nil, count: groups)
    }

    /// The closure of one capture thread at `i`; the offset of the matching path's
    /// capture slots if it matches at `e`.
    private mutating func expandCapturing(_ t: CaptureThread, at i: Int, end e: Int, width: Int,
                                          into later: inout [CaptureThread]) -> Int? {
        captureWork.removeAll(keepingCapacity: true)
        captureWork.append((t.pc, t.caps))
        while let (pc, caps) = captureWork.popLast() {
            let p = Int(pc)
            if visited[p] == visitStamp { continue }
            visited[p] = visitStamp
            statistics.captureSteps &+= 1
            let inst = insts[p]
            switch inst.op {
            case .split:
                let walk = stepTester.branches(ofSplit: p, backward: false, at: i, in: lattice)
                if walk.b { captureWork.append((inst.b, caps)) }
                if walk.a { captureWork.append((inst.a, caps)) }
            case .jump:
                captureWork.append((inst.a, caps))
            case .save:
                let copy = captureArena.count
                for k in Int(caps)..<Int(caps) + width { captureArena.append(captureArena[k]) }   // not a slice: no copy of the arena
                captureArena[copy + Int(inst.a)] = Int32(i)
                captureWork.append((pc + 1, Int32(copy)))
            case .assert:
                if lattice.holds(Compiler.assertion(inst.a), at: i) { captureWork.append((pc + 1, caps)) }
            case .look:
                if lookHolds(Int(inst.a), at: i) { captureWork.append((pc + 1, caps)) }
            case .match:
                if i == e { return Int(caps) }
            case .fail:
                break
            case .scalar, .set, .notEdge, .edge:
                Self.step(inst, at: i, in: lattice, program) { pos in
                    if Int(pos) <= e { later.append(CaptureThread(pos: pos, pc: pc + 1, caps: caps)) }
                }
            }
        }
        return nil
    }
}
