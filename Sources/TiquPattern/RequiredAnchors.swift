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
/// A single character is a weak anchor when the words it begins are common: 开发区,
/// 新区 and 经济开发区 begin with 开, 新 and 经, which occur everywhere. So where a path
/// meets a character, the analysis also reads the characters its instructions must
/// consume next (through alternations of literals, up to `maxLiteral` code points and
/// `maxLiterals` strings), and the anchor is that set of LITERAL strings: it occurs at
/// j only where one of them is spelled out from j. Where the paths spell more strings
/// than that (等乡镇, 两个中心镇, 三大景区 ...), their distinct prefixes of the longest
/// length that is few enough are the anchor (两个, 三大 ...), not their first characters.
///
/// An edge or a single character is often a weak anchor too (every known place name is
/// an edge; 和 and 村 are everywhere), while a word further on is rare (经济开发区 after a
/// place name). So the analysis runs a second time, for STRONG anchors only: it passes
/// over every edge of bounded length (a lexicon's, moving 1 to its longest entry's
/// length in code points) and every character that spells no literal of two or more, as
/// if they were unselective. When that finds a different anchor, the instruction has two
/// requirements and a thread must meet both.
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
/// (beyond it, instructions simply get no requirement). Checking is O(1): queries come
/// at non-decreasing positions within one document (the matcher's one left-to-right
/// pass), so the masks of the positions ahead fit in a ring of 128 and each is computed
/// once; the ring is kept transposed too (per bit, a 128-bit map of the slots that have
/// it), so an anchor's first occurrence in its window is a shift and a bit count. For
/// each anchor the scanner also keeps the smallest occurrence at or after its last
/// query (an anchor is shared only by requirements with the same minimum distance), which
/// answers most queries with one comparison. Computing a mask finds the literal bits by
/// one walk of a trie of all literals, at most `maxLiteral` code points long: a
/// constant. (Spelling literals is charged to the same analysis budget, and each
/// character is spelled once per instruction.)
///
/// Immutable; a class so that the scanner reads its tables without copying them.
final class RequiredAnchors: Sendable {
    /// The anchors that occur at a position, one bit per distinct element set: 128, since
    /// a phase of the default rules has more than 64 such sets (108 in the places' first
    /// phase), and a set without a bit leaves its rules unfiltered.
    typealias Mask = UInt128
    /// The longest run of unselective code points (and bounded edges) the analysis follows.
    static let maxDistance = 40
    /// Code-point sets larger than this are unselective (\p{Han}, [^，。]).
    static let maxSelectiveScalars = 1024
    /// States the analysis may visit over the whole program.
    static let analysisBudget = 2_000_000
    /// The longest literal read after a met character, and the most strings one anchor
    /// may hold; beyond them the met character alone is the anchor.
    static let maxLiteral = 8
    static let maxLiterals = 256

    /// What must occur: a code point in `scalars`, a string of `literals` (each at least
    /// two code points long) or an edge with one of `predicates`.
    struct Anchor: Sendable, Hashable {
        var scalars: ScalarSet
        var literals: [[UInt32]]
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
    /// Per instruction: the requirement found by looking past bounded edges, or -1.
    let secondRequirementOf: [Int32]
    /// What occurs at a position is one `Mask`, one bit per distinct (scalars,
    /// literals, predicates) triple of the anchors: `plainMask` by code point (the bits
    /// whose scalars hold it), OR the bits of the literals spelled from there (one walk
    /// of `literalTrie`, whose state n ends the literals of `literalMask[n]`), OR
    /// `predicateMask` of each edge starting there. `bitOf[a]` is anchor a's bit. Above
    /// U+FFFF, `astralSets` holds each bit's scalars and its literals' first code points,
    /// and such a first code point counts as the whole literal (sound: rare, and an
    /// anchor treated as present only keeps a thread).
    let bitOf: [Int32]
    /// The BMP part of the code-point masks and the literal trie's first step, by class
    /// (ScalarClasses below): a table by code point was 1 MB per phase, and reading it at
    /// every position of a document missed the cache.
    let classes: ScalarClasses
    let predicateMask: [Mask]
    let astralSets: [(bit: Int, set: ScalarSet)]
    let literalTrie: MultiPatternAutomaton
    let literalMask: [Mask]

    init(insts: [Instruction], sets: [ScalarSet], looks: [LookInfo], lookPredicates: [Int32], ruleStarts: [Int32],
         edgeLengths: [Int?] = []) {
        var anchors: [Anchor] = []
        var index: [Anchor: Int32] = [:]
        var requirements: [Requirement] = []
        var requirementOf = [Int32](repeating: -1, count: insts.count)
        var secondRequirementOf = [Int32](repeating: -1, count: insts.count)
        var analysis = Analysis(insts: insts, sets: sets, looks: looks, lookPredicates: lookPredicates,
                                edgeLengths: edgeLengths)
        var candidates = Set(ruleStarts)
        for (pc, inst) in insts.enumerated() where analysis.isUnselective(inst) || inst.op == .look {
            candidates.insert(Int32(pc))
        }
        func require(_ found: (Anchor, Int)) -> Int32 {
            let (anchor, maxDistance) = found
            let id = index[anchor] ?? {
                anchors.append(anchor)
                index[anchor] = Int32(anchors.count - 1)
                return Int32(anchors.count - 1)
            }()
            requirements.append(Requirement(anchor: id, minDistance: anchor.minDistance, maxDistance: Int32(maxDistance)))
            return Int32(requirements.count - 1)
        }
        for pc in candidates.sorted() {
            // A requirement at distance 0 of a rule start is what the start set already checks.
            let first = analysis.run(from: pc, strongOnly: false).flatMap { $0.1 > 0 ? $0 : nil }
            if let first { requirementOf[Int(pc)] = require(first) }
            guard let second = analysis.run(from: pc, strongOnly: true), second.1 > 0, second.0 != first?.0 else { continue }
            if first == nil { requirementOf[Int(pc)] = require(second) } else { secondRequirementOf[Int(pc)] = require(second) }
        }
        self.anchors = anchors
        self.requirements = requirements
        self.requirementOf = requirementOf
        self.secondRequirementOf = secondRequirementOf
        let bits = RequiredAnchors.bits(anchors, requirements: requirements,
                                         startRequirements: ruleStarts.map { requirementOf[Int($0)] })
        bitOf = anchors.map { bits[Elements($0)] ?? -1 }
        let plainMask: [Mask]
        (plainMask, predicateMask, astralSets) = RequiredAnchors.masks(bits)
        (literalTrie, literalMask) = RequiredAnchors.literals(bits)
        classes = ScalarClasses(masks: plainMask, literalTrie: literalTrie)
    }

    /// What an anchor occurs as; anchors alike but for their distance share a bit.
    struct Elements: Hashable {
        var scalars: ScalarSet
        var literals: [[UInt32]]
        var predicates: [Int32]

        init(_ anchor: Anchor) {
            (scalars, literals, predicates) = (anchor.scalars, anchor.literals, anchor.predicates)
        }
    }

    /// One bit per distinct element set. Only `Mask.bitWidth` sets get a bit; anchors of further sets
    /// are treated as always present (sound: the check only ever drops threads, and
    /// keeping one more is what the matcher did without the prefilter). So the bits go
    /// first to the sets that gate rule starts, then to those most requirements share:
    /// in the order anchors were found, a rule added early in a file could take the bit
    /// of another rule's only anchor and leave that rule starting at every position.
    private static func bits(_ anchors: [Anchor], requirements: [Requirement], startRequirements: [Int32])
        -> [Elements: Int32] {
        var weight = [Elements: (starts: Int, uses: Int, first: Int)]()
        for (a, anchor) in anchors.enumerated() where weight[Elements(anchor)] == nil {
            weight[Elements(anchor)] = (0, 0, a)
        }
        for requirement in requirements { weight[Elements(anchors[Int(requirement.anchor)])]!.uses += 1 }
        for r in startRequirements where r >= 0 { weight[Elements(anchors[Int(requirements[Int(r)].anchor)])]!.starts += 1 }
        let ranked = weight.sorted { ($0.value.starts, $0.value.uses, -$0.value.first) > ($1.value.starts, $1.value.uses, -$1.value.first) }
        var bits: [Elements: Int32] = [:]
        for (key, _) in ranked.prefix(Mask.bitWidth) { bits[key] = Int32(bits.count) }
        return bits
    }

    /// What a BMP code point begins: its bits, and its child of the literal trie's root
    /// (or -1). Code points alike in both share a class, and the class of a code point is
    /// two small reads (its block of 128, then its slot in that block, identical blocks
    /// stored once), so the tables of a phase take kilobytes: most of the BMP, and most
    /// Han characters, are in no anchor at all.
    struct ScalarClasses: Sendable {
        static let blockBits = 7
        /// Per block of 128 code points: where its classes start in `classOf`.
        let blockStart: [Int32]
        /// 32 bits, not 16: hostile rules could give each of the 65,536 code points a class
        /// of its own, and with the empty class that is one too many for 16 bits.
        let classOf: [UInt32]
        let mask: [Mask]
        let literalRoot: [Int32]

        init(masks: [Mask], literalTrie: MultiPatternAutomaton) {
            var classIndex: [Key: UInt32] = [Key(mask: 0, root: -1): 0]
            var mask: [Mask] = [0], literalRoot: [Int32] = [-1]
            var blockIndex: [[UInt32]: Int32] = [:]
            var blockStart: [Int32] = [], classOf: [UInt32] = []
            let size = 1 << ScalarClasses.blockBits
            for block in 0..<(0x10000 >> ScalarClasses.blockBits) {
                let classes = (block * size..<(block + 1) * size).map { v -> UInt32 in
                    let key = Key(mask: masks.isEmpty ? 0 : masks[v], root: literalTrie.child(0, UInt32(v)))
                    if let known = classIndex[key] { return known }
                    classIndex[key] = UInt32(mask.count)
                    mask.append(key.mask)
                    literalRoot.append(key.root)
                    return UInt32(mask.count - 1)
                }
                blockStart.append(blockIndex[classes] ?? {
                    blockIndex[classes] = Int32(classOf.count)
                    classOf += classes
                    return Int32(classOf.count - size)
                }())
            }
            (self.blockStart, self.classOf, self.mask, self.literalRoot) = (blockStart, classOf, mask, literalRoot)
        }

        private struct Key: Hashable {
            var mask: Mask
            var root: Int32
        }
    }

    /// The code-point, predicate and astral tables of the bits.
    private static func masks(_ bits: [Elements: Int32]) -> ([Mask], [Mask], [(bit: Int, set: ScalarSet)]) {
        var plain = [Mask](repeating: 0, count: bits.isEmpty ? 0 : 0x10000)
        let maxPredicate = bits.keys.flatMap(\.predicates).max() ?? -1
        var predicate = [Mask](repeating: 0, count: Int(maxPredicate) + 1)
        var astral: [(bit: Int, set: ScalarSet)] = []
        for (key, bit) in bits {
            let flag: Mask = 1 << Mask(bit)
            for range in key.scalars.ranges where range.lowerBound < 0x10000 {
                for v in range.lowerBound...min(range.upperBound, 0xFFFF) { plain[Int(v)] |= flag }
            }
            let all = key.scalars.union(ScalarSet(scalars: key.literals.map { $0[0] }))
            if let last = all.ranges.last, last.upperBound >= 0x10000 { astral.append((Int(bit), all)) }
            for p in key.predicates where p >= 0 { predicate[Int(p)] |= flag }
        }
        return (plain, predicate, astral)
    }

    /// Every bit's literals in one trie, and per trie state the bits of the literals it ends.
    private static func literals(_ bits: [Elements: Int32]) -> (MultiPatternAutomaton, [Mask]) {
        let entries = bits.flatMap { key, bit in key.literals.map { (string: $0, bit: bit) } }
        let trie = MultiPatternAutomaton(scalarEntries: entries.map(\.string))
        let mask = (0..<Int32(trie.stateCount)).map { node in
            trie.entries(endingAt: node).reduce(Mask(0)) { $0 | 1 << Mask(entries[Int($1)].bit) }
        }
        return (trie, mask)
    }

    /// At most `maxLiterals` strings that one of `literals` must begin with: the
    /// literals themselves, or else their distinct prefixes of the longest length that
    /// is few enough (every occurrence of a literal is an occurrence of its prefix, so
    /// checking prefixes is sound; 两个中心镇, 两个重点镇 ... become 两个). Beyond two
    /// code points, their first characters go to `plain`.
    static func fewest(_ literals: Set<[UInt32]>, plain: inout [ClosedRange<UInt32>]) -> [[UInt32]] {
        let sorted = literals.sorted { $0.lexicographicallyPrecedes($1) }
        guard sorted.count > maxLiterals else { return sorted }
        // The prefixes of a sorted list are sorted: distinct ones differ from their predecessor.
        for length in stride(from: maxLiteral - 1, through: 2, by: -1) {
            var prefixes: [[UInt32]] = []
            for literal in sorted where prefixes.count <= maxLiterals {
                let prefix = literal.prefix(length)
                if prefixes.last.map({ !$0.elementsEqual(prefix) }) ?? true { prefixes.append(Array(prefix)) }
            }
            if prefixes.count <= maxLiterals { return prefixes }
        }
        plain += sorted.map { $0[0]...$0[0] }
        return []
    }

    /// The search for the selective elements every path from an instruction meets first.
    private struct Analysis {
        let insts: [Instruction]
        let sets: [ScalarSet]
        let looks: [LookInfo]
        let lookPredicates: [Int32]
        let edgeLengths: [Int?]
        var budget = RequiredAnchors.analysisBudget
        /// What `spell` returned, by (instruction after the character, character).
        private var spelledCache: [Int64: [[UInt32]]?] = [:]
        /// What `spelling(at:)` returned, by instruction.
        private var spelledAt: [Int32: (plain: [UInt32], literals: [[UInt32]])] = [:]
        /// What `fewest` made of the literals of a set of met instructions (sorted): many
        /// instructions lead to the same ones (each step of \p{Han}{0,3} before a suffix),
        /// and merging and sorting their strings again dominated loading the rules.
        private var fewestCache: [[Int32]: (literals: [[UInt32]], plain: [UInt32])] = [:]

        init(insts: [Instruction], sets: [ScalarSet], looks: [LookInfo], lookPredicates: [Int32], edgeLengths: [Int?]) {
            self.insts = insts
            self.sets = sets
            self.looks = looks
            self.lookPredicates = lookPredicates
            self.edgeLengths = edgeLengths
        }

        /// How far an edge of predicate p can move, when it is bounded.
        private func edgeLength(_ p: Int32) -> Int? {
            p >= 0 && Int(p) < edgeLengths.count ? edgeLengths[Int(p)].flatMap { $0 > 0 ? $0 : nil } : nil
        }

        func isUnselective(_ inst: Instruction) -> Bool {
            inst.op == .notEdge || (inst.op == .set && sets[Int(inst.a)].count > RequiredAnchors.maxSelectiveScalars)
        }

        /// The anchor and the largest distance at which paths from `start` meet it; nil
        /// when some path can avoid every selective element, or the budget is spent.
        /// With `strongOnly`, edges of bounded length and characters that spell no longer
        /// literal are passed over instead of met.
        mutating func run(from start: Int32, strongOnly: Bool) -> (Anchor, Int)? {
            var scalars: [ClosedRange<UInt32>] = []
            var merged = Set<Int32>()              // instructions whose strings are in
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
                    } else if let step = info.oneStep,
                              step.set < 0 || sets[Int(step.set)].count <= RequiredAnchors.maxSelectiveScalars {
                        if step.set >= 0 { scalars.append(contentsOf: sets[Int(step.set)].ranges) }
                        for k in step.predicates { predicates.insert(lookPredicates[Int(k)]) }
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
                    if strongOnly, let length = edgeLength(inst.a) {
                        for step in 1...length { stack.append((pc + 1, distance + step)) }
                    } else {
                        predicates.insert(inst.a)
                        meet(distance)
                    }
                case .scalar, .set, .notEdge:
                    let spelled = spelling(at: pc)
                    if isUnselective(inst) || (strongOnly && (spelled == nil || !spelled!.plain.isEmpty)) {
                        stack.append((pc + 1, distance + 1))
                    } else if let spelled {
                        if merged.insert(pc).inserted {   // met again at another distance: same strings
                            scalars += spelled.plain.map { $0...$0 }
                        }
                        meet(distance)
                    } else {
                        scalars.append(contentsOf: sets[Int(inst.a)].ranges)
                        meet(distance)
                    }
                }
            }
            guard minDistance <= maxDistance else { return nil }   // no path consumes at all
            let checked = literals(of: merged, plain: &scalars)
            let anchor = Anchor(scalars: ScalarSet(ranges: scalars), literals: checked,
                                predicates: predicates.sorted(), minDistance: Int32(minDistance))
            return (anchor, maxDistance)
        }

        /// The literal strings the met instructions `merged` spell, as `fewest` checks
        /// them (its plain code points added to `plain`).
        private mutating func literals(of merged: Set<Int32>, plain: inout [ClosedRange<UInt32>]) -> [[UInt32]] {
            let key = merged.sorted()
            if let cached = fewestCache[key] {
                plain += cached.plain.map { $0...$0 }
                return cached.literals
            }
            var literals = Set<[UInt32]>()
            for pc in key { literals.formUnion(spelling(at: pc)?.literals ?? []) }
            var added: [ClosedRange<UInt32>] = []
            let checked = RequiredAnchors.fewest(literals, plain: &added)
            fewestCache[key] = (checked, added.map(\.lowerBound))
            plain += added
            return checked
        }

        /// What a path spells where it meets instruction `pc` (a code point or a small
        /// set, else nil): `spellAll` of its members, kept by instruction, since the
        /// same instruction is met from many starts.
        private mutating func spelling(at pc: Int32) -> (plain: [UInt32], literals: [[UInt32]])? {
            if let known = spelledAt[pc] { return known }
            let inst = insts[Int(pc)]
            let members = inst.op == .scalar ? [UInt32(bitPattern: inst.a)] : inst.op == .set ? smallMembers(inst.a) : nil
            guard let members else { return nil }
            let spelled = spellAll(members, then: pc + 1)
            spelledAt[pc] = spelled
            return spelled
        }

        /// The code points of a set small enough to spell literals with, or nil.
        private func smallMembers(_ set: Int32) -> [UInt32]? {
            let set = sets[Int(set)]
            guard set.count <= 4 else { return nil }
            return set.ranges.flatMap { Array($0) }
        }

        /// A path meets one of `firsts` and goes on at `next`: the literals it spells from
        /// there, and the characters that spell none (or too many).
        private mutating func spellAll(_ firsts: [UInt32], then next: Int32) -> (plain: [UInt32], literals: [[UInt32]]) {
            var plain: [UInt32] = [], literals: [[UInt32]] = []
            for first in firsts {
                // The same instruction is met at many distances and from many starts;
                // what it spells does not depend on either.
                let key = Int64(next) << 32 | Int64(first)
                let spelled = spelledCache[key] ?? spell(from: next, prefix: [first])
                spelledCache[key] = .some(spelled)
                if let strings = spelled, !strings.contains(where: { $0.count == 1 }) {
                    literals += strings
                } else {
                    plain.append(first)
                }
            }
            return (plain, literals)
        }

        /// Every string of code points the instructions from `start` must consume next,
        /// each beginning with `prefix` and ending where a path reaches anything but a
        /// character or a small set (or `maxLiteral`); nil beyond `maxLiterals` strings.
        private mutating func spell(from start: Int32, prefix: [UInt32]) -> [[UInt32]]? {
            struct State: Hashable { var pc: Int32; var text: [UInt32] }
            var found = Set<[UInt32]>()
            var seen = Set<State>()
            var stack = [State(pc: start, text: prefix)]
            while let state = stack.popLast() {
                guard budget > 0, found.count <= RequiredAnchors.maxLiterals else { return nil }
                guard seen.insert(state).inserted else { continue }
                budget -= 1
                let inst = insts[Int(state.pc)]
                let room = state.text.count < RequiredAnchors.maxLiteral
                switch inst.op {
                case .split:
                    stack.append(State(pc: inst.b, text: state.text))
                    stack.append(State(pc: inst.a, text: state.text))
                case .jump: stack.append(State(pc: inst.a, text: state.text))
                case .save: stack.append(State(pc: state.pc + 1, text: state.text))
                case .scalar where room: stack.append(State(pc: state.pc + 1, text: state.text + [UInt32(bitPattern: inst.a)]))
                case .set where room && smallMembers(inst.a) != nil:
                    for c in smallMembers(inst.a)! { stack.append(State(pc: state.pc + 1, text: state.text + [c])) }
                default:
                    found.insert(state.text)
                }
            }
            return found.count <= RequiredAnchors.maxLiterals ? Array(found) : nil
        }
    }
}

/// The anchor checks of one matcher (see `RequiredAnchors`). It keeps its own
/// references to the document's code points and edges, so that a check in the
/// matcher's hot loop passes nothing but an instruction and a position; the masks
/// of the positions ahead are computed once each, into a ring. The ring is also kept
/// transposed, one 128-bit map of its slots per anchor bit, so that finding an anchor's
/// first occurrence in a window is one shift and one bit count, however many anchors
/// share the bit and however far apart their windows are.
struct AnchorScanner: ~Copyable {
    private let anchors: RequiredAnchors
    // Raw buffers (RawBuffer.swift says why): written for every position of a document.
    private let found: RawBuffer<Int>      // per anchor: an occurrence, the smallest at or after the last query
    private let ring = RawBuffer<RequiredAnchors.Mask>(zeroed: AnchorScanner.ringSize)
    private let slotsWithBit = RawBuffer<UInt128>(zeroed: RequiredAnchors.Mask.bitWidth)   // per bit: the ring slots whose mask has it
    private var ringEnd = 0                // masks of positions < ringEnd are computed
    // The anchors' tables read at every query, copied into raw buffers: read through
    // `anchors`, each access retained and released its array.
    private let requirementOf: RawBuffer<Int32>
    private let secondRequirementOf: RawBuffer<Int32>
    private let requirements: RawBuffer<RequiredAnchors.Requirement>
    private let bitOf: RawBuffer<Int32>
    private let blockStart: RawBuffer<Int32>
    private let classOf: RawBuffer<UInt32>
    private let classMask: RawBuffer<RequiredAnchors.Mask>
    private let classLiteralRoot: RawBuffer<Int32>
    private let predicateMask: RawBuffer<RequiredAnchors.Mask>
    private let predicateMaskCount: Int
    private let literalTrie: MultiPatternAutomaton
    private let literalMask: RawBuffer<RequiredAnchors.Mask>
    private var scalars: [UInt32] = []
    private var edges: [Lattice.Edge] = []
    private var outOffsets: [Int32] = []
    /// How far past a requirement's window a failed check looks, so that the matcher
    /// can skip a rule start until its anchor could be in reach.
    private static let lookFurther = 80
    /// Larger than any distance examined ahead of the current position.
    private static let ringSize = 128

    init(_ anchors: RequiredAnchors) {
        assert(RequiredAnchors.maxDistance + AnchorScanner.lookFurther < AnchorScanner.ringSize)
        self.anchors = anchors
        requirementOf = RawBuffer(copying: anchors.requirementOf)
        secondRequirementOf = RawBuffer(copying: anchors.secondRequirementOf)
        requirements = RawBuffer(copying: anchors.requirements)
        bitOf = RawBuffer(copying: anchors.bitOf)
        blockStart = RawBuffer(copying: anchors.classes.blockStart)
        classOf = RawBuffer(copying: anchors.classes.classOf)
        classMask = RawBuffer(copying: anchors.classes.mask)
        classLiteralRoot = RawBuffer(copying: anchors.classes.literalRoot)
        predicateMask = RawBuffer(copying: anchors.predicateMask)
        predicateMaskCount = anchors.predicateMask.count
        literalTrie = anchors.literalTrie
        literalMask = RawBuffer(copying: anchors.literalMask)
        found = RawBuffer(zeroed: anchors.anchors.count)
        found.fill(-1)
    }

    /// Starts a document.
    mutating func start(_ lattice: Lattice) {
        scalars = lattice.scalars
        edges = lattice.edges
        outOffsets = lattice.outOffsets
        ringEnd = 0
        found.fill(-1)
        ring.fill(0)
        slotsWithBit.fill(0)
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
        let r = Int(requirementOf[Int(pc)])
        guard r >= 0 else { return i }
        let first = admission(requirement: r, at: i)
        let r2 = Int(secondRequirementOf[Int(pc)])
        guard r2 >= 0, first == i else { return first }
        return admission(requirement: r2, at: i)
    }

    /// `admission` for one requirement.
    private mutating func admission(requirement r: Int, at i: Int) -> Int {
        let requirement = requirements[r]
        let a = Int(requirement.anchor)
        let maxDistance = Int(requirement.maxDistance)
        let from = i + Int(requirement.minDistance), to = i + maxDistance
        if found[a] >= from { return found[a] <= to ? i : found[a] - maxDistance }
        let bit = bitOf[a]
        guard bit >= 0 else { return i }
        let limit = min(to + AnchorScanner.lookFurther, scalars.count - 1)
        guard from <= limit else { return max(i + 1, limit + 1 - maxDistance) }
        fillRing(through: limit, from: i)
        guard let j = firstSlot(withBit: Int(bit), from: from, through: limit) else {
            return max(i + 1, limit + 1 - maxDistance)
        }
        found[a] = j
        return j <= to ? i : j - maxDistance
    }

    /// The first position in from...limit whose mask has `bit` (the ring holds them all:
    /// fewer than ringSize positions, none overwritten since `fillRing`).
    @inline(__always)
    private func firstSlot(withBit bit: Int, from: Int, through limit: Int) -> Int? {
        let shift = from & (AnchorScanner.ringSize - 1)
        var slots = slotsWithBit[bit]
        if shift != 0 { slots = slots >> shift | slots << (AnchorScanner.ringSize - shift) }   // slot of `from` first
        slots &= (1 << UInt128(limit - from + 1)) &- 1
        return slots == 0 ? nil : from + slots.trailingZeroBitCount
    }

    /// Computes the masks of the positions up to `last` not yet in the ring, asked at
    /// position i (i <= last < i + ringSize). Positions before i are never asked for
    /// again, so their slots may be reused.
    private mutating func fillRing(through last: Int, from i: Int) {
        ringEnd = max(ringEnd, i)
        while ringEnd <= last {
            let slot = ringEnd & (AnchorScanner.ringSize - 1)
            let slotBit: UInt128 = 1 << UInt128(slot)
            var bits = ring[slot]   // the position that leaves the slot
            while bits != 0 {
                slotsWithBit[bits.trailingZeroBitCount] &= ~slotBit
                bits &= bits - 1
            }
            let mask = computeMask(ringEnd)
            ring[slot] = mask
            bits = mask
            while bits != 0 {
                slotsWithBit[bits.trailingZeroBitCount] |= slotBit
                bits &= bits - 1
            }
            ringEnd += 1
        }
    }

    // Inlined: as a call, the noncopyable scanner was copied (memcpy) to lend it.
    @inline(__always)
    private func computeMask(_ j: Int) -> RequiredAnchors.Mask {
        let v = scalars[j]
        var mask: RequiredAnchors.Mask = 0
        if v < 0x10000 {
            let c = Int(classOf[Int(blockStart[Int(v) >> RequiredAnchors.ScalarClasses.blockBits])
                                + Int(v) & ((1 << RequiredAnchors.ScalarClasses.blockBits) - 1)])
            mask = classMask[c]
            let root = classLiteralRoot[c]
            if root >= 0 { mask |= literalBits(from: root, at: j + 1) }
        } else {
            for (bit, set) in anchors.astralSets where set.contains(v) { mask |= 1 << RequiredAnchors.Mask(bit) }
        }
        for k in Int(outOffsets[j])..<Int(outOffsets[j + 1]) {
            let p = edges[k].predicate
            if p >= 0 && p < predicateMaskCount { mask |= predicateMask[p] }
        }
        return mask
    }

    /// The bits of the literals spelled on from trie state `node` at position k: a walk
    /// of the trie, at most as long as the longest literal.
    @inline(__always)
    private func literalBits(from start: Int32, at next: Int) -> RequiredAnchors.Mask {
        var node = start
        var bits = literalMask[Int(node)]
        var k = next
        while k < scalars.count {
            node = literalTrie.child(node, scalars[k])
            if node < 0 { break }
            bits |= literalMask[Int(node)]
            k += 1
        }
        return bits
    }
}
