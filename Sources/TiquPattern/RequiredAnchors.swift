/// Required anchors: the second prefilter, after the start sets of `StartSetIndex`.
///
/// Many rules begin with elements that match almost anything — `\p{Han}{1,3}` before a
/// place suffix, `NAME_CHAR{2,14}` before a project head — so their start sets admit
/// nearly every position, and a thread is started there only to die a few characters
/// later. But every match of such a rule must consume a SELECTIVE element (an edge, a
/// small set of code points such as [镇乡村], or a one-step lookahead such as
/// (?= @lex(descriptors))) after at most D unselective elements, each of which consumes
/// exactly one code point. So a match can only start at i if that element occurs at
/// one of i + minDistance ... i + maxDistance, and the matcher seeds the rule only
/// there. The same holds for a thread that is about to consume an unselective element
/// anywhere in a pattern (the run of `\p{Han}` between a place name and 开发区): the
/// matcher drops it at once when the anchor ahead of that instruction is absent,
/// instead of carrying it until it dies. Dropping a thread that cannot match changes
/// no result: its future depends only on (instruction, position).
///
/// SOUNDNESS: the analysis follows every path from an instruction through zero-width
/// instructions (lookarounds and assertions are passable, which over-approximates;
/// a positive one-step lookahead is itself a selective element, since the path can only
/// go on where it holds, and so is what the sub-pattern of any positive lookahead must
/// meet) and through unselective consuming instructions, counting code
/// points. A path that reaches `match`, an unselective loop, or more than `maxDistance`
/// code points without meeting a selective element gives the instruction no
/// requirement, and it is matched as before.
///
/// COST: compile time is bounded by `analysisBudget` states over the whole program
/// (beyond it, instructions simply get no requirement). Checking is amortised O(1):
/// for each anchor the scanner keeps the smallest occurrence at or after the last
/// query position and how far it has looked; queries come at non-decreasing positions
/// within one document (the matcher's one left-to-right pass), and an anchor is shared
/// only by requirements with the same minimum distance, so each position is examined
/// at most once per anchor.
struct RequiredAnchors: Sendable {
    /// The longest run of unselective code points the analysis follows.
    static let maxDistance = 24
    /// Code-point sets larger than this are unselective (\p{Han}, [^，。]).
    static let maxSelectiveScalars = 1024
    /// States the analysis may visit over the whole program.
    static let analysisBudget = 2_000_000

    /// What must occur: a code point in `scalars` or an edge with one of `predicates`.
    struct Anchor: Sendable, Hashable {
        var scalars: ScalarSet
        var predicates: [Int32]
        var minDistance: Int32
    }

    /// A requirement: anchor `anchor` at i + minDistance ... i + maxDistance. (The
    /// anchor's minDistance is repeated here: the matcher reads requirements in its hot
    /// loop, and an Anchor holds arrays that would be retained on every read.)
    struct Requirement: Sendable {
        var anchor: Int32
        var minDistance: Int32
        var maxDistance: Int32
    }

    let anchors: [Anchor]
    let requirements: [Requirement]
    /// Per instruction: the index of its requirement in `requirements`, or -1. Only rule
    /// starts, unselective consuming instructions and lookarounds (checked before the
    /// lookaround is evaluated, which costs more) are given one.
    let requirementOf: [Int32]
    /// What occurs at a position is one 64-bit mask, one bit per distinct (scalars,
    /// predicates) pair of the anchors: `bmpMask` by code point, OR `predicateMask` of
    /// each edge starting there. `bitOf[a]` is anchor a's bit.
    let bitOf: [Int32]
    let bmpMask: [UInt64]
    let predicateMask: [UInt64]
    let astralSets: [(bit: Int, set: ScalarSet)]

    init(insts: [Instruction], sets: [ScalarSet], looks: [LookInfo], lookPredicates: [Int32], ruleStarts: [Int32]) {
        var anchors: [Anchor] = []
        var index: [Anchor: Int32] = [:]
        var requirements: [Requirement] = []
        var requirementOf = [Int32](repeating: -1, count: insts.count)
        var analysis = Analysis(insts: insts, sets: sets, looks: looks, lookPredicates: lookPredicates)
        var candidates = Set(ruleStarts)
        for (pc, inst) in insts.enumerated() where analysis.isUnselective(inst) || inst.op == .look {
            candidates.insert(Int32(pc))
        }
        for pc in candidates.sorted() {
            // A requirement at distance 0 of a rule start is what the start set already checks.
            guard let (anchor, maxDistance) = analysis.run(from: pc), maxDistance > 0 else { continue }
            let id = index[anchor] ?? {
                anchors.append(anchor)
                index[anchor] = Int32(anchors.count - 1)
                return Int32(anchors.count - 1)
            }()
            requirementOf[Int(pc)] = Int32(requirements.count)
            requirements.append(Requirement(anchor: id, minDistance: anchor.minDistance, maxDistance: Int32(maxDistance)))
        }
        self.anchors = anchors
        self.requirements = requirements
        self.requirementOf = requirementOf
        (bitOf, bmpMask, predicateMask, astralSets) = RequiredAnchors.masks(anchors)
    }

    /// One bit per distinct element set. Only the first 64 sets get a bit; anchors of
    /// further sets are treated as always present (sound: the check only ever drops
    /// threads, and keeping one more is what the matcher did without the prefilter).
    private static func masks(_ anchors: [Anchor]) -> ([Int32], [UInt64], [UInt64], [(bit: Int, set: ScalarSet)]) {
        struct Elements: Hashable { var scalars: ScalarSet; var predicates: [Int32] }
        var bits: [Elements: Int32] = [:]
        var bitOf: [Int32] = []
        for anchor in anchors {
            let key = Elements(scalars: anchor.scalars, predicates: anchor.predicates)
            if bits[key] == nil && bits.count < 64 { bits[key] = Int32(bits.count) }
            bitOf.append(bits[key] ?? -1)
        }
        var bmp = [UInt64](repeating: 0, count: bits.isEmpty ? 0 : 0x10000)
        let maxPredicate = bits.keys.flatMap(\.predicates).max() ?? -1
        var predicate = [UInt64](repeating: 0, count: Int(maxPredicate) + 1)
        var astral: [(bit: Int, set: ScalarSet)] = []
        for (key, bit) in bits {
            let flag: UInt64 = 1 << UInt64(bit)
            for range in key.scalars.ranges where range.lowerBound < 0x10000 {
                for v in range.lowerBound...min(range.upperBound, 0xFFFF) { bmp[Int(v)] |= flag }
            }
            if let last = key.scalars.ranges.last, last.upperBound >= 0x10000 { astral.append((Int(bit), key.scalars)) }
            for p in key.predicates where p >= 0 { predicate[Int(p)] |= flag }
        }
        return (bitOf, bmp, predicate, astral)
    }

    /// The search for the selective elements every path from an instruction meets first.
    private struct Analysis {
        let insts: [Instruction]
        let sets: [ScalarSet]
        let looks: [LookInfo]
        let lookPredicates: [Int32]
        var budget = RequiredAnchors.analysisBudget

        init(insts: [Instruction], sets: [ScalarSet], looks: [LookInfo], lookPredicates: [Int32]) {
            self.insts = insts
            self.sets = sets
            self.looks = looks
            self.lookPredicates = lookPredicates
        }

        func isUnselective(_ inst: Instruction) -> Bool {
            inst.op == .notEdge || (inst.op == .set && sets[Int(inst.a)].count > RequiredAnchors.maxSelectiveScalars)
        }

        /// The anchor and the largest distance at which paths from `start` meet it; nil
        /// when some path can avoid every selective element, or the budget is spent.
        mutating func run(from start: Int32) -> (Anchor, Int)? {
            var scalars: [ClosedRange<UInt32>] = []
            var predicates = Set<Int32>()
            var minDistance = Int.max, maxDistance = 0
            var seen = Set<Int64>()                    // (pc, distance) pairs
            var stack: [(pc: Int32, distance: Int)] = [(start, 0)]
            func meet(_ distance: Int) {
                minDistance = min(minDistance, distance)
                maxDistance = max(maxDistance, distance)
            }
            while let (pc, distance) = stack.popLast() {
                guard distance <= RequiredAnchors.maxDistance, budget > 0 else { return nil }
                guard seen.insert(Int64(pc) << 8 | Int64(distance)).inserted else { continue }
                budget -= 1
                let inst = insts[Int(pc)]
                switch inst.op {
                case .split: stack.append((inst.a, distance)); stack.append((inst.b, distance))
                case .jump: stack.append((inst.a, distance))
                case .save, .assert: stack.append((pc + 1, distance))
                case .look:
                    let info = looks[Int(inst.a)]
                    if info.negated || info.backward {
                        stack.append((pc + 1, distance))
                    } else if info.isOneStep,
                              info.oneStepSet < 0 || sets[Int(info.oneStepSet)].count <= RequiredAnchors.maxSelectiveScalars {
                        if info.oneStepSet >= 0 { scalars.append(contentsOf: sets[Int(info.oneStepSet)].ranges) }
                        for k in info.oneStepPredicates { predicates.insert(lookPredicates[Int(k)]) }
                        meet(distance)
                    } else if info.isOneStep {
                        stack.append((pc + 1, distance))
                    } else {
                        // The path goes on only where the lookahead's sub-pattern matches
                        // from here, so what that sub-pattern must meet, this path must.
                        stack.append((info.start, distance))
                    }
                case .match: return nil
                case .fail: break
                case .edge:
                    predicates.insert(inst.a)
                    meet(distance)
                case .scalar:
                    scalars.append(UInt32(bitPattern: inst.a)...UInt32(bitPattern: inst.a))
                    meet(distance)
                case .set, .notEdge:
                    if isUnselective(inst) {
                        stack.append((pc + 1, distance + 1))
                    } else {
                        scalars.append(contentsOf: sets[Int(inst.a)].ranges)
                        meet(distance)
                    }
                }
            }
            guard minDistance <= maxDistance else { return nil }   // no path consumes at all
            let anchor = Anchor(scalars: ScalarSet(ranges: scalars), predicates: predicates.sorted(),
                                minDistance: Int32(minDistance))
            return (anchor, maxDistance)
        }
    }
}

/// The anchor checks of one matcher (see `RequiredAnchors`). It keeps its own
/// references to the document's code points and edges, so that a check in the
/// matcher's hot loop passes nothing but an instruction and a position; the masks
/// of the positions ahead are computed once each, into a ring.
struct AnchorScanner {
    private let anchors: RequiredAnchors
    private var found: [Int]               // per anchor: an occurrence, the smallest at or after the last query
    private var scanned: [Int]             // per anchor: positions before this were examined
    private var ring = [UInt64](repeating: 0, count: AnchorScanner.ringSize)
    private var ringEnd = 0                // masks of positions < ringEnd are computed
    private var scalars: [UInt32] = []
    private var edges: [Lattice.Edge] = []
    private var outOffsets: [Int32] = []
    /// How far past a requirement's window a failed check looks, so that the matcher
    /// can skip a rule start until its anchor could be in reach.
    private static let lookFurther = 32
    /// Larger than any distance examined ahead of the current position.
    private static let ringSize = 64

    init(_ anchors: RequiredAnchors) {
        assert(RequiredAnchors.maxDistance + AnchorScanner.lookFurther < AnchorScanner.ringSize)
        self.anchors = anchors
        found = [Int](repeating: -1, count: anchors.anchors.count)
        scanned = [Int](repeating: 0, count: anchors.anchors.count)
    }

    /// Starts a document.
    mutating func start(_ lattice: Lattice) {
        scalars = lattice.scalars
        edges = lattice.edges
        outOffsets = lattice.outOffsets
        ringEnd = 0
        for a in found.indices {
            found[a] = -1
            scanned[a] = 0
        }
    }

    /// Ends a document, releasing it.
    mutating func finish() {
        scalars = []
        edges = []
        outOffsets = []
    }

    /// Whether a thread at instruction `pc` and position `i` (i non-decreasing) may
    /// still match: true when the instruction has no requirement or its anchor occurs
    /// within its distances from i.
    @inline(__always)
    mutating func admits(_ pc: Int32, at i: Int) -> Bool { admission(pc, at: i) == i }

    /// `i` if a thread at `pc` may match from position `i` (i non-decreasing); otherwise
    /// a later position before which it may not (so the caller can skip until then).
    @inline(__always)
    mutating func admission(_ pc: Int32, at i: Int) -> Int {
        let r = Int(anchors.requirementOf[Int(pc)])
        guard r >= 0 else { return i }
        let requirement = anchors.requirements[r]
        let a = Int(requirement.anchor)
        let maxDistance = Int(requirement.maxDistance)
        let from = i + Int(requirement.minDistance), to = i + maxDistance
        if found[a] >= from { return found[a] <= to ? i : found[a] - maxDistance }
        let bit = anchors.bitOf[a]
        guard bit >= 0 else { return i }
        let flag: UInt64 = 1 << UInt64(bit)
        var j = max(from, scanned[a])
        let limit = min(to + AnchorScanner.lookFurther, scalars.count - 1)
        while j <= limit {
            if mask(at: j, from: i) & flag != 0 {
                found[a] = j
                scanned[a] = j + 1
                return j <= to ? i : j - maxDistance
            }
            j += 1
        }
        scanned[a] = max(scanned[a], j)
        return max(i + 1, scanned[a] - maxDistance)
    }

    /// The mask of position j, asked at position i (i <= j < i + ringSize).
    @inline(__always)
    private mutating func mask(at j: Int, from i: Int) -> UInt64 {
        ringEnd = max(ringEnd, i)    // positions before i are never asked for again
        while ringEnd <= j {
            ring[ringEnd & (AnchorScanner.ringSize - 1)] = computeMask(ringEnd)
            ringEnd += 1
        }
        return ring[j & (AnchorScanner.ringSize - 1)]
    }

    private func computeMask(_ j: Int) -> UInt64 {
        let v = scalars[j]
        var mask: UInt64 = 0
        if v < 0x10000 {
            mask = anchors.bmpMask[Int(v)]
        } else {
            for (bit, set) in anchors.astralSets where set.contains(v) { mask |= 1 << UInt64(bit) }
        }
        let predicateMask = anchors.predicateMask
        for k in Int(outOffsets[j])..<Int(outOffsets[j + 1]) {
            let p = edges[k].predicate
            if p >= 0 && p < predicateMask.count { mask |= predicateMask[p] }
        }
        return mask
    }
}
