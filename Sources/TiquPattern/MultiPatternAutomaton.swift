/// Aho–Corasick automaton over Unicode scalars: finds ALL occurrences (overlapping) of a
/// dictionary of up to hundreds of thousands of entries in O(text + occurrences).
///
/// Layout (compact, no per-node dictionaries): the trie's transitions are one array of
/// (scalar, child) pairs sorted by scalar per node (CSR), looked up by binary search; the
/// root, which is hit at almost every position, has a dense table for the BMP. Failure
/// links and dictionary-suffix links ("the nearest proper suffix state that ends an
/// entry") make reporting proportional to the number of occurrences. Empty entries never
/// match. Duplicate entries are all reported.
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

    private let childOffsets: [Int32]     // node -> its transitions in keys/children
    private let keys: [UInt32]
    private let children: [Int32]
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
        childOffsets = trie.offsets
        keys = trie.keys
        children = trie.children
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
        return MultiPatternAutomaton.child(node, scalar, offsets: childOffsets, keys: keys, children: children)
    }

    @inline(__always)
    private static func child(_ node: Int32, _ scalar: UInt32, offsets: [Int32], keys: [UInt32], children: [Int32]) -> Int32 {
        var lo = Int(offsets[Int(node)])
        var hi = Int(offsets[Int(node) + 1])
        while lo < hi {
            let mid = (lo + hi) >> 1
            if keys[mid] < scalar { lo = mid + 1 } else { hi = mid }
        }
        return lo < Int(offsets[Int(node) + 1]) && keys[lo] == scalar ? children[lo] : -1
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
                        let next = child(w, c, offsets: trie.offsets, keys: trie.keys, children: trie.children)
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

    private static func csr(count: Int, keys: [Int32]) -> [Int32] {
        var offsets = [Int32](repeating: 0, count: count + 1)
        for k in keys { offsets[Int(k) + 1] += 1 }
        for i in 0..<count { offsets[i + 1] += offsets[i] }
        return offsets
    }
}
