/// The start-set prefilter: for every rule, the code points and edge predicates a
/// non-empty match can begin with, indexed so that the matcher finds the rules worth
/// seeding at a position with one table lookup per code point and one per edge.
///
/// Sound because empty matches are never reported: every reported match consumes at
/// least one element, and its first element comes from a consuming instruction reachable
/// from the rule's start through zero-width instructions only (all of which are treated
/// as passable here, so the set over-approximates). A rule whose every entry guard is
/// a positive lookahead on edges is indexed by those edges' predicates instead
/// (`edgeStarts`): a match can only start where one of them starts.
struct StartSetIndex: Sendable {
    /// Outside the BMP, rules whose start set has at most this many code points are
    /// indexed per code point; the others are tested with `ScalarSet.contains`.
    static let maxIndexedAstralScalars = 2048
    /// BMP (code point, rule) pairs indexed over the whole rule set: this bounds the
    /// build time and memory of the index for hostile rule sets with thousands of
    /// negated classes. Rules beyond it are tested with `ScalarSet.contains`.
    static let maxIndexedPairs = 8_000_000

    struct BroadRule: Sendable {
        var rule: Int32
        var set: ScalarSet
    }

    private let bmp: [Int32]                 // BMP code point -> list id (every rule), or -1
    private let astral: [UInt32: Int32]      // other code points -> list id (small start sets)
    private let predicateDense: [Int32]      // predicate in 0..<count -> list id, or -1
    private let predicateSparse: [Int: Int32]
    /// Rule lists (in rule order), flattened: list k is rules[offsets[k]..<offsets[k+1]].
    let offsets: [Int32]
    let rules: [Int32]
    /// Rules beyond `maxIndexedPairs`, tested with `ScalarSet.contains` everywhere.
    let broad: [BroadRule]
    /// Rules with large start sets outside the BMP, tested with `ScalarSet.contains`
    /// at code points above U+FFFF only.
    let broadAstral: [BroadRule]
    /// Rules that can start anywhere (e.g. with a negated element).
    let always: [Int32]
    /// Entry guards: rule r may only start at positions where one of
    /// guards[guardOffsets[r]..<guardOffsets[r+1]] holds (an empty range: no guard).
    let guardOffsets: [Int32]
    let guards: [EntryGuard]

    /// A zero-width condition that every path from a rule's start passes before it
    /// consumes anything: a lookaround (the matcher memoises its result per position, so
    /// checking it here costs nothing the rule's closure would not), or a start anchor.
    /// Seeding only where one holds loses no match (it is necessary for every path)
    /// and spares the many rules that begin with a boundary lookbehind such as
    /// (?<= [，、] | @lex(verbs)) the work of starting at every character.
    enum EntryGuard: Sendable {
        case look(Int32)
        case assertion(Int32)
    }

    init(insts: [Instruction], sets: [ScalarSet], ruleStarts: [Int32], looks: [LookInfo], lookPredicates: [Int32]) {
        var guardOffsets: [Int32] = [0]
        var guards: [EntryGuard] = []
        var guardEdgeStarts: [[Int]?] = []
        for start in ruleStarts {
            let ruleGuards = StartSetIndex.entryGuards(insts: insts, start: start) ?? []
            guards += ruleGuards
            guardOffsets.append(Int32(guards.count))
            guardEdgeStarts.append(StartSetIndex.edgeStarts(of: ruleGuards, looks: looks, lookPredicates: lookPredicates))
        }
        self.guardOffsets = guardOffsets
        self.guards = guards
        // Every BMP code point gets the list of all rules that can start with it, so
        // seeding costs one lookup however broad the start sets (\p{Han} is 90,000).
        var bmpRules = [[Int32]](repeating: [], count: 0x10000)
        var astralRules: [UInt32: [Int32]] = [:]
        var predicateRules: [Int: [Int32]] = [:]
        var broad: [BroadRule] = []
        var broadAstral: [BroadRule] = []
        var always: [Int32] = []
        var pairs = 0
        for (r, start) in ruleStarts.enumerated() {
            if let predicates = guardEdgeStarts[r] {
                for p in predicates { predicateRules[p, default: []].append(Int32(r)) }
                continue
            }
            let first = StartSetIndex.firstElements(insts: insts, sets: sets, start: start)
            if first.anywhere { always.append(Int32(r)); continue }
            for p in first.predicates.sorted() { predicateRules[p, default: []].append(Int32(r)) }
            pairs += first.scalars.ranges.reduce(0) { $0 + Int(min($1.upperBound, 0xFFFF) &- min($1.lowerBound, 0x10000) &+ 1) }
            if pairs > StartSetIndex.maxIndexedPairs {
                broad.append(BroadRule(rule: Int32(r), set: first.scalars))
                continue
            }
            var astralCount = 0
            for range in first.scalars.ranges {
                if range.lowerBound < 0x10000 {
                    for v in range.lowerBound...min(range.upperBound, 0xFFFF) { bmpRules[Int(v)].append(Int32(r)) }
                }
                if range.upperBound >= 0x10000 { astralCount += Int(range.upperBound - max(range.lowerBound, 0x10000)) + 1 }
            }
            if astralCount > StartSetIndex.maxIndexedAstralScalars {
                broadAstral.append(BroadRule(rule: Int32(r), set: first.scalars))
            } else {
                for range in first.scalars.ranges where range.upperBound >= 0x10000 {
                    for v in max(range.lowerBound, 0x10000)...range.upperBound { astralRules[v, default: []].append(Int32(r)) }
                }
            }
        }
        self.broad = broad
        self.broadAstral = broadAstral
        self.always = always
        var offsets: [Int32] = [0]
        var flat: [Int32] = []
        func addList(_ list: [Int32]) -> Int32 {
            flat.append(contentsOf: list)
            offsets.append(Int32(flat.count))
            return Int32(offsets.count - 2)
        }
        var interned: [[Int32]: Int32] = [:]
        func internList(_ list: [Int32]) -> Int32 {
            if let id = interned[list] { return id }
            let id = addList(list)
            interned[list] = id
            return id
        }
        var bmp = [Int32](repeating: -1, count: 0x10000)
        for v in bmpRules.indices where !bmpRules[v].isEmpty { bmp[v] = internList(bmpRules[v]) }
        var astral: [UInt32: Int32] = [:]
        for (v, list) in astralRules { astral[v] = internList(list) }
        let maxDense = predicateRules.keys.filter { $0 >= 0 && $0 < 1 << 16 }.max() ?? -1
        var dense = [Int32](repeating: -1, count: maxDense + 1)
        var sparse: [Int: Int32] = [:]
        for (p, list) in predicateRules {
            let id = addList(list)
            if p >= 0 && p <= maxDense { dense[p] = id } else { sparse[p] = id }
        }
        self.bmp = bmp
        self.astral = astral
        self.predicateDense = dense
        self.predicateSparse = sparse
        self.offsets = offsets
        self.rules = flat
    }

    /// The list id of the rules that can start with code point `v`, or -1.
    @inline(__always)
    func list(forScalar v: UInt32) -> Int {
        if v < 0x10000 { return Int(bmp[Int(v)]) }
        return Int(astral[v] ?? -1)
    }

    /// The list id of the rules that can start with an edge of predicate `p`, or -1.
    @inline(__always)
    func list(forPredicate p: Int) -> Int {
        if p >= 0 && p < predicateDense.count { return Int(predicateDense[p]) }
        return Int(predicateSparse[p] ?? -1)
    }

    /// The guards every path from `start` meets before consuming, or nil when some
    /// path can consume (or match) without passing one.
    static func entryGuards(insts: [Instruction], start: Int32) -> [EntryGuard]? {
        var found: [EntryGuard] = []
        var seen = Set<Int32>()
        var stack = [start]
        while let pc = stack.popLast() {
            guard seen.insert(pc).inserted else { continue }
            let inst = insts[Int(pc)]
            switch inst.op {
            case .split: stack.append(inst.a); stack.append(inst.b)
            case .jump: stack.append(inst.a)
            case .save: stack.append(pc + 1)
            case .look:
                // Any lookaround will do, searched or one-step, negated or not: the
                // rule's closure would evaluate it at this position anyway, and the
                // matcher remembers the result, so checking it first costs nothing more.
                found.append(.look(inst.a))
            case .assert:
                let assertion = Compiler.assertion(inst.a)
                guard assertion == .textStart || assertion == .sentenceStart else { return nil }
                found.append(.assertion(inst.a))
            default:
                return nil
            }
        }
        return found.isEmpty ? nil : found
    }

    /// The predicates of the edges a rule's matches must start with, when its entry
    /// guards say so: if every guard is a positive one-step lookahead that only tests
    /// edges, such as (?= @lex(pairs)), every match starts where one of those edges
    /// starts, so the rule is seeded there alone (by predicate), not at every character
    /// its first element accepts. Nil when some guard could hold without such an edge.
    static func edgeStarts(of guards: [EntryGuard], looks: [LookInfo], lookPredicates: [Int32]) -> [Int]? {
        guard !guards.isEmpty else { return nil }
        var predicates = Set<Int>()
        for entryGuard in guards {
            guard case .look(let id) = entryGuard else { return nil }
            let info = looks[Int(id)]
            guard let step = info.oneStep, !info.negated, !info.backward, step.set < 0,
                  !step.predicates.isEmpty else { return nil }
            for k in step.predicates { predicates.insert(Int(lookPredicates[Int(k)])) }
        }
        return predicates.sorted()
    }

    /// The consuming instructions reachable from `start` through zero-width ones (all
    /// lookarounds and assertions passed over, which only makes the sets larger): the
    /// code points and edge predicates they consume, whether one is a negated edge
    /// (`anywhere`), and whether `match` is reachable without consuming (`matchesEmpty`).
    static func firstElements(insts: [Instruction], sets: [ScalarSet], start: Int32)
        -> (scalars: ScalarSet, predicates: Set<Int>, anywhere: Bool, matchesEmpty: Bool) {
        var ranges: [ClosedRange<UInt32>] = []
        var predicates = Set<Int>()
        var anywhere = false
        var matchesEmpty = false
        var seen = Set<Int32>()
        var stack = [start]
        while let pc = stack.popLast() {
            guard seen.insert(pc).inserted else { continue }
            let inst = insts[Int(pc)]
            switch inst.op {
            case .scalar: ranges.append(UInt32(inst.a)...UInt32(inst.a))
            case .set: ranges.append(contentsOf: sets[Int(inst.a)].ranges)
            case .edge: predicates.insert(Int(inst.a))
            case .notEdge: anywhere = true
            case .split: stack.append(inst.a); stack.append(inst.b)
            case .jump: stack.append(inst.a)
            case .save, .assert, .look: stack.append(pc + 1)
            case .match: matchesEmpty = true
            case .fail: break
            }
        }
        return (ScalarSet(ranges: ranges), predicates, anywhere, matchesEmpty)
    }
}
