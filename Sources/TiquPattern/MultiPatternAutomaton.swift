/// Aho–Corasick automaton over Unicode scalars: finds ALL occurrences (overlapping) of a
/// dictionary of up to hundreds of thousands of entries in O(text + occurrences).
///
/// Layout (no per-node dictionaries): the trie's transitions below the root are one
/// open-addressing hash table keyed by (node, scalar), so a step costs one probe, usually
/// one cache line (a binary search in per-node sorted lists cost three or four, and the
/// scan of every document takes a step or more per code point); the root, which is hit
/// at almost every position, has a dense table for the BMP. Failure links and
/// dictionary-suffix links ("the nearest proper suffix state that ends an entry") make
/// reporting proportional to the number of occurrences. Empty entries never match.
/// Duplicate entries are all reported.
public struct MultiPatternAutomaton: Sendable {
    /// One occurrence of entry `entry` over text positions start..<end.
    public struct Occurrence: Sendable, Hashable {
        public var start: Int
        public var end: Int
        public var entry: Int
        public init(start: Int, end: Int, entry: Int) {
            self.start = start
            self.end = end
            self.entry = entry
        }
    }

    private let transitions: TransitionTable
    private let rootBMP: [Int32]          // BMP scalar -> root child, or 0 (the root: none)
    private let failure: [Int32]
    private let dictionaryLink: [Int32]   // nearest suffix state with outputs, or -1
    private let outputOffsets: [Int32]    // node -> entries ending here
    private let outputs: [Int32]
    private let lengths: [Int32]          // entry -> length in scalars

    /// The number of entries.
    public var entryCount: Int { lengths.count }
    /// The number of trie states.
    public var stateCount: Int { failure.count }

    /// Builds the automaton from `String` entries (compared by Unicode scalars).
    public init(_ entries: [String]) {
        self.init(scalarEntries: entries.map { $0.unicodeScalars.map(\.value) })
    }

    /// Builds the automaton; entry indices are positions in `scalarEntries`.
    public init(scalarEntries entries: [[UInt32]]) {
        lengths = entries.map { Int32($0.count) }
        let trie = Trie(entries)
        transitions = TransitionTable(trie)
        var bmp = [Int32](repeating: 0, count: 0x10000)
        for k in Int(trie.offsets[0])..<Int(trie.offsets[1]) where trie.keys[k] < 0x10000 {
            bmp[Int(trie.keys[k])] = trie.children[k]
        }
        rootBMP = bmp
        outputOffsets = trie.outputOffsets
        outputs = trie.outputs
        (failure, dictionaryLink) = MultiPatternAutomaton.links(trie)
    }

    /// The entries that end at trie state `node` (not those of its suffixes): with
    /// `child`, what a walk of the trie from one position needs (RequiredAnchors.swift).
    func entries(endingAt node: Int32) -> ArraySlice<Int32> {
        outputs[Int(outputOffsets[Int(node)])..<Int(outputOffsets[Int(node) + 1])]
    }

    /// The child of `node` on `scalar`, or -1 (the root is state 0).
    @inline(__always)
    func child(_ node: Int32, _ scalar: UInt32) -> Int32 {
        if node == 0 && scalar < 0x10000 {
            let c = rootBMP[Int(scalar)]
            return c == 0 ? -1 : c
        }
        return transitions.child(node, scalar)
    }

    /// BFS over the trie: failure(v) is the longest proper suffix of v's string that is a
    /// trie state; dictionaryLink(v) the nearest state on the failure chain with outputs.
    private static func links(_ trie: Trie) -> ([Int32], [Int32]) {
        let count = trie.offsets.count - 1
        var failure = [Int32](repeating: 0, count: count)
        var dictionary = [Int32](repeating: -1, count: count)
        var queue: [Int32] = [0]
        var head = 0
        while head < queue.count {
            let u = queue[head]
            head += 1
            for k in Int(trie.offsets[Int(u)])..<Int(trie.offsets[Int(u) + 1]) {
                let v = trie.children[k]
                let c = trie.keys[k]
                var f: Int32 = -1
                if u != 0 {
                    var w = failure[Int(u)]
                    while true {
                        let next = trie.child(w, c)
                        if next >= 0 { f = next; break }
                        if w == 0 { break }
                        w = failure[Int(w)]
                    }
                }
                let fv = max(f, 0)
                failure[Int(v)] = fv
                dictionary[Int(v)] = trie.hasOutput(fv) ? fv : dictionary[Int(fv)]
                queue.append(v)
            }
        }
        return (failure, dictionary)
    }

    /// Calls `body` for every occurrence, in order of end position (then longer entries
    /// first, then entry index within one state).
    public func forEachOccurrence(in text: [UInt32], _ body: (Occurrence) -> Void) {
        var state: Int32 = 0
        for (i, c) in text.enumerated() {
            while true {
                let next = child(state, c)
                if next >= 0 { state = next; break }
                if state == 0 { break }
                state = failure[Int(state)]
            }
            var s = outputOffsets[Int(state)] < outputOffsets[Int(state) + 1] ? state : dictionaryLink[Int(state)]
            while s >= 0 {
                for k in Int(outputOffsets[Int(s)])..<Int(outputOffsets[Int(s) + 1]) {
                    let entry = Int(outputs[k])
                    body(Occurrence(start: i + 1 - Int(lengths[entry]), end: i + 1, entry: entry))
                }
                s = dictionaryLink[Int(s)]
            }
        }
    }

    /// All occurrences in `text`, sorted by (start, end, entry).
    public func occurrences(in text: [UInt32]) -> [Occurrence] {
        var result: [Occurrence] = []
        forEachOccurrence(in: text) { result.append($0) }
        result.sort { ($0.start, $0.end, $0.entry) < ($1.start, $1.end, $1.entry) }
        return result
    }
}

/// The trie in CSR form, built by sorting the entries: nodes are numbered in order of
/// creation while scanning entries lexicographically, and every node's transitions are
/// collected sorted by scalar.
private struct Trie {
    var offsets: [Int32] = []
    var keys: [UInt32] = []
    var children: [Int32] = []
    var outputOffsets: [Int32] = []
    var outputs: [Int32] = []

    init(_ entries: [[UInt32]]) {
        let order = entries.indices.filter { !entries[$0].isEmpty }.sorted {
            entries[$0].lexicographicallyPrecedes(entries[$1])
        }
        // Insert in sorted order: the path of the previous entry is the only one that can
        // be shared, so a stack of (node) along it replaces any hash lookup.
        var edges: [(parent: Int32, key: UInt32, child: Int32)] = []
        var ends: [(node: Int32, entry: Int32)] = []
        var path: [Int32] = [0]          // path[d] = node at depth d of the previous entry
        var previous: [UInt32] = []
        var nodeCount: Int32 = 1
        for e in order {
            let entry = entries[e]
            var common = 0
            while common < min(entry.count, previous.count) && entry[common] == previous[common] { common += 1 }
            path.removeLast(path.count - common - 1)
            for d in common..<entry.count {
                edges.append((path[d], entry[d], nodeCount))
                path.append(nodeCount)
                nodeCount += 1
            }
            ends.append((path[entry.count], Int32(e)))
            previous = entry
        }
        edges.sort { ($0.parent, $0.key) < ($1.parent, $1.key) }
        offsets = Trie.csr(count: Int(nodeCount), keys: edges.map(\.parent))
        keys = edges.map(\.key)
        children = edges.map(\.child)
        ends.sort { ($0.node, $0.entry) < ($1.node, $1.entry) }
        outputOffsets = Trie.csr(count: Int(nodeCount), keys: ends.map(\.node))
        outputs = ends.map(\.entry)
    }

    func hasOutput(_ node: Int32) -> Bool { outputOffsets[Int(node)] < outputOffsets[Int(node) + 1] }

    /// The child of `node` on `scalar`, or -1: a binary search of the node's sorted
    /// transitions (used while building; the automaton hashes them).
    func child(_ node: Int32, _ scalar: UInt32) -> Int32 {
        var lo = Int(offsets[Int(node)])
        var hi = Int(offsets[Int(node) + 1])
        while lo < hi {
            let mid = (lo + hi) >> 1
            if keys[mid] < scalar { lo = mid + 1 } else { hi = mid }
        }
        return lo < Int(offsets[Int(node) + 1]) && keys[lo] == scalar ? children[lo] : -1
    }

    private static func csr(count: Int, keys: [Int32]) -> [Int32] {
        var offsets = [Int32](repeating: 0, count: count + 1)
        for k in keys { offsets[Int(k) + 1] += 1 }
        for i in 0..<count { offsets[i + 1] += offsets[i] }
        return offsets
    }
}

/// The trie's transitions as an open-addressing hash table with linear probing, at most
/// half full: a slot holds the key (node, scalar) + 1 (0 when empty) and the child,
/// side by side, so that a probe reads one cache line.
private struct TransitionTable: Sendable {
    private struct Slot: Sendable {
        var key: UInt64
        var child: Int32
    }

    private let slots: [Slot]
    private let shift: UInt64

    init(_ trie: Trie) {
        var bits = 4
        while 1 << bits < 2 * trie.keys.count { bits += 1 }
        shift = UInt64(64 - bits)
        var slots = [Slot](repeating: Slot(key: 0, child: -1), count: 1 << bits)
        let mask = slots.count - 1
        for node in 0..<(trie.offsets.count - 1) {
            for k in Int(trie.offsets[node])..<Int(trie.offsets[node + 1]) {
                let key = TransitionTable.key(Int32(node), trie.keys[k])
                var slot = TransitionTable.hash(key, shift)
                while slots[slot].key != 0 { slot = (slot + 1) & mask }
                slots[slot] = Slot(key: key &+ 1, child: trie.children[k])
            }
        }
        self.slots = slots
    }

    @inline(__always)
    private static func key(_ node: Int32, _ scalar: UInt32) -> UInt64 {
        UInt64(UInt32(bitPattern: node)) << 32 | UInt64(scalar)
    }

    @inline(__always)
    private static func hash(_ key: UInt64, _ shift: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    /// The child of `node` on `scalar`, or -1.
    @inline(__always)
    func child(_ node: Int32, _ scalar: UInt32) -> Int32 {
        let wanted = TransitionTable.key(node, scalar) &+ 1
        return slots.withUnsafeBufferPointer { slots in
            let mask = slots.count - 1
            var slot = TransitionTable.hash(wanted &- 1, shift)
            while true {
                let key = slots[slot].key
                if key == wanted { return slots[slot].child }
                if key == 0 { return -1 }
                slot = (slot + 1) & mask
            }
        }
    }
}
