/// The compiled form of a rule set: one Thompson-NFA program holding every rule (and every
/// lookaround sub-program), compiled once and reused for every document.

/// An instruction's operation. Consuming operations advance to `pc + 1`.
enum Opcode: UInt8, Sendable {
    case scalar      // consume one code point equal to `a`
    case set         // consume one code point in `sets[a]`
    case edge        // consume one edge with predicate `a` (longest first)
    case notEdge     // consume one code point where no edge with predicate `a` starts
    case split       // try `a`, then `b` (a has priority)
    case jump        // continue at `a`
    case save        // record the position in capture slot `a`, continue at pc + 1
    case assert      // continue at pc + 1 if assertion `a` holds
    case look        // continue at pc + 1 if lookaround `a` holds
    case match       // rule `a` matched (a == -1: a lookaround sub-program matched)
    case fail        // dead end
}

/// One instruction: 12 bytes so the program stays cache-friendly.
struct Instruction: Sendable {
    var op: Opcode
    var a: Int32
    var b: Int32

    var isConsuming: Bool {
        op == .scalar || op == .set || op == .edge || op == .notEdge
    }
}

/// One step a lookaround can take from its position: a code point in `sets[set]` (-1:
/// none) or an edge with one of `lookPredicates[predicates]`. Plain integers, so that
/// reading a LookInfo in the hot loop copies no arrays.
struct LookStep: Sendable, BitwiseCopyable {
    var set: Int32 = -1
    private var firstPredicate: Int32 = 0
    private var endPredicate: Int32 = 0

    init(set: Int32 = -1, predicates: Range<Int32> = 0..<0) {
        self.set = set
        self.predicates = predicates
    }

    /// Indices into `lookPredicates` (two plain integers, so that a LookInfo is bitwise
    /// copyable and the lookaround evaluator can keep the table raw).
    var predicates: Range<Int32> {
        get { firstPredicate..<endPredicate }
        set { (firstPredicate, endPredicate) = (newValue.lowerBound, newValue.upperBound) }
    }
}

/// A lookaround sub-program.
struct LookInfo: Sendable, BitwiseCopyable {
    var start: Int32
    var backward: Bool
    var negated: Bool
    /// A one-step lookaround: its sub-pattern is an alternation of characters, sets and
    /// edges, that one step. Most lookarounds in real rules are ((?! @lex(x)),
    /// (?<= [，、])), and they are checked directly, without the general search.
    var oneStep: LookStep?
    /// For a searched lookaround that cannot match without consuming: the steps its
    /// first step is one of. Where none can be taken, the search would fail at once, so
    /// it is not run: most lookarounds guard against rare words and fail almost
    /// everywhere.
    var entry: LookStep?

    var isOneStep: Bool { oneStep != nil }
    var hasEntryFilter: Bool { entry != nil }
}

/// A lookaround whose every alternative consumes exactly one character or one edge.
struct OneStepLook {
    var scalars: ScalarSet
    var predicates: [Int]

    /// The sub-pattern as such a one-step alternation, or nil.
    init?(_ pattern: Pattern) {
        var scalars = ScalarSet.empty
        var predicates: [Int] = []
        var pending = [pattern]
        while let next = pending.popLast() {
            switch next {
            case .scalars(let set): scalars = scalars.union(set)
            case .edge(let predicate): predicates.append(predicate)
            case .alternation(let branches): pending += branches
            case .capture(_, let inner): pending.append(inner)
            default: return nil
            }
        }
        self.scalars = scalars
        self.predicates = predicates
    }
}

/// Bounds that keep compilation (and matching) of hostile patterns finite and small.
public struct CompileLimits: Sendable, Hashable {
    /// Maximum instructions in the whole program (all rules and lookarounds).
    public var maxInstructions: Int
    /// Maximum `min` or `max` of a counted repetition.
    public var maxRepetition: Int
    /// Maximum (sub-program size × longest match in elements) of one lookaround, which
    /// bounds the work of evaluating it at one position.
    public var maxLookaroundSteps: Int
    /// Maximum nesting depth of a pattern.
    public var maxNestingDepth: Int

    public init(maxInstructions: Int = 1_000_000, maxRepetition: Int = 10_000,
                maxLookaroundSteps: Int = 100_000, maxNestingDepth: Int = 500) {
        self.maxInstructions = maxInstructions
        self.maxRepetition = maxRepetition
        self.maxLookaroundSteps = maxLookaroundSteps
        self.maxNestingDepth = maxNestingDepth
    }

    /// The defaults: 1,000,000 instructions, repetition counts up to 10,000,
    /// 100,000 lookaround steps, nesting depth 500.
    public static let `default` = CompileLimits()
}

/// Why a rule set failed to compile. `rule` is the index of the offending rule.
public enum PatternCompileError: Error, Sendable, Hashable {
    /// `captureCounts.count` differs from the number of rules.
    case captureCountMismatch(rules: Int, captureCounts: Int)
    /// The program would exceed `CompileLimits.maxInstructions`.
    case tooManyInstructions(rule: Int, limit: Int)
    /// A repetition count exceeds `CompileLimits.maxRepetition`.
    case repetitionTooLarge(rule: Int, count: Int, limit: Int)
    /// A repetition has min < 0 or max < min.
    case invalidRepetition(rule: Int, min: Int, max: Int?)
    /// A lookaround contains an unbounded repetition.
    case unboundedLookaround(rule: Int)
    /// A lookaround exceeds `CompileLimits.maxLookaroundSteps`.
    case lookaroundTooExpensive(rule: Int, cost: Int, limit: Int)
    /// The pattern nests deeper than `CompileLimits.maxNestingDepth`.
    case nestingTooDeep(rule: Int, limit: Int)
    /// An edge predicate does not fit in 32 bits.
    case predicateOutOfRange(rule: Int, predicate: Int)
    /// A capture index is negative or not below the rule's capture count.
    case captureIndexOutOfRange(rule: Int, index: Int, captureCount: Int)
}

/// A compiled rule set. Immutable and Sendable: compile once, match many documents,
/// from any number of threads (each with its own `PatternMatcher`). A class, so that
/// passing it to the lookaround evaluator at every evaluation copies nothing.
public final class RuleSetProgram: Sendable {
    let insts: [Instruction]
    let sets: [ScalarSet]
    /// `sets` as constant-time membership tables (ScalarSetTable.swift).
    let setTable: ScalarSetTable
    let ruleStarts: [Int32]
    let looks: [LookInfo]
    let lookPredicates: [Int32]
    /// Per instruction, the index of its filter in `branchFilters`, or -1 (BranchFilters.swift).
    let branchFilterOf: [Int32]
    let branchFilters: [BranchFilter]
    let prefilter: StartSetIndex
    let anchors: RequiredAnchors
    /// Capture groups per rule, as given to `compile`.
    public let captureCounts: [Int]
    /// Per rule: its one capture group always spans the whole match (see
    /// `Pattern.captureIsWholeMatch`), so the matcher reports it without a capture pass.
    let captureIsWholeMatch: [Bool]

    /// The number of rules.
    public var ruleCount: Int { ruleStarts.count }
    /// The number of instructions (the m in the O(n × m) bound).
    public var instructionCount: Int { insts.count }

    init(insts: [Instruction], sets: [ScalarSet], ruleStarts: [Int32], looks: [LookInfo], lookPredicates: [Int32],
         captureCounts: [Int], captureIsWholeMatch: [Bool], edgeLengths: [Int?]) {
        var filters = FirstStepFilters(insts: insts, sets: sets, lookPredicates: lookPredicates)
        var looks = looks
        for id in looks.indices where !looks[id].isOneStep && looks[id].start >= 0 {
            looks[id].entry = filters.filter(from: looks[id].start)
        }
        (branchFilterOf, branchFilters) = filters.branchFilters()
        let sets = filters.sets, lookPredicates = filters.lookPredicates
        self.insts = insts
        self.sets = sets
        self.setTable = ScalarSetTable(sets)
        self.ruleStarts = ruleStarts
        self.looks = looks
        self.lookPredicates = lookPredicates
        self.captureCounts = captureCounts
        self.captureIsWholeMatch = captureIsWholeMatch
        self.prefilter = StartSetIndex(insts: insts, sets: sets, ruleStarts: ruleStarts, looks: looks,
                                       lookPredicates: lookPredicates)
        self.anchors = RequiredAnchors(insts: insts, sets: sets, looks: looks, lookPredicates: lookPredicates,
                                       ruleStarts: ruleStarts, edgeLengths: edgeLengths)
    }

    /// Compiles `rules` (rule i uses capture indices 0..<captureCounts[i]). `edgeLengths[p]`
    /// is the longest edge predicate p can match in code points, or nil if unbounded; the
    /// required-anchor prefilter uses it to look past edges (RequiredAnchors.swift).
    /// Fails with a `PatternCompileError` instead of exceeding `limits`; the size check
    /// happens before emission, so hostile patterns never allocate large programs.
    public static func compile(_ rules: [Pattern], captureCounts: [Int], edgeLengths: [Int?] = [],
                               limits: CompileLimits = .default) throws(PatternCompileError) -> RuleSetProgram {
        guard rules.count == captureCounts.count else {
            throw .captureCountMismatch(rules: rules.count, captureCounts: captureCounts.count)
        }
        var compiler = Compiler(limits: limits)
        for (index, rule) in rules.enumerated() {
            try compiler.compileRule(rule, index: index, captureCount: captureCounts[index])
        }
        return RuleSetProgram(insts: compiler.insts, sets: compiler.sets, ruleStarts: compiler.ruleStarts,
                              looks: compiler.looks, lookPredicates: compiler.lookPredicates, captureCounts: captureCounts,
                              captureIsWholeMatch: zip(rules, captureCounts).map { $0.captureIsWholeMatch(captureCount: $1) },
                              edgeLengths: edgeLengths)
    }
}
