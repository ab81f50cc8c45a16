/// The document as the matcher sees it: positions 0...count are code-point offsets;
/// between them are the code points, plus labelled edges (start, end, predicate) that
/// stand for tokens, numerals, lexicon hits or earlier entities.
///
/// Edges are indexed both by start (for matching) and by end (for lookbehind). At each
/// start, edges are ordered by predicate, then by end descending, which is the priority
/// order the matcher uses (the longer edge first).
public struct Lattice: Sendable {
    /// One labelled edge over `start..<end`.
    public struct Edge: Sendable, Hashable {
        public var start: Int
        public var end: Int
        public var predicate: Int
        public init(start: Int, end: Int, predicate: Int) {
            self.start = start
            self.end = end
            self.predicate = predicate
        }
    }

    /// The code points of the text.
    public let scalars: [UInt32]
    /// The deduplicated edges, sorted by (start, predicate, end descending).
    public let edges: [Edge]
    let boundary: [Bool]            // count + 1 flags: sentence boundary at position p
    let outOffsets: [Int32]         // edges starting at p: edges[outOffsets[p]..<outOffsets[p+1]]
    let inOffsets: [Int32]          // edges ending at p: inOrder[inOffsets[p]..<inOffsets[p+1]]
    let inOrder: [Int32]            // indices into `edges`, grouped by end

    /// The number of code points.
    public var count: Int { scalars.count }

    /// Builds a lattice. `sentenceBoundaries` outside 0...count are ignored. Every edge
    /// must satisfy 0 <= start < end <= count (a precondition); identical edges are merged.
    public init(scalars: [UInt32], sentenceBoundaries: [Int] = [], edges: [Edge] = []) {
        let n = scalars.count
        self.scalars = scalars
        var flags = [Bool](repeating: false, count: n + 1)
        for b in sentenceBoundaries where b >= 0 && b <= n { flags[b] = true }
        boundary = flags
        for e in edges {
            precondition(e.start >= 0 && e.start < e.end && e.end <= n, "invalid lattice edge \(e)")
        }
        // Sorting brings identical edges together, so duplicates go in one pass (no hashing).
        var sorted = edges.sorted { ($0.start, $0.predicate, -$0.end) < ($1.start, $1.predicate, -$1.end) }
        var kept = 0
        for k in sorted.indices where kept == 0 || sorted[k] != sorted[kept - 1] {
            sorted[kept] = sorted[k]
            kept += 1
        }
        sorted.removeLast(sorted.count - kept)
        self.edges = sorted
        outOffsets = Lattice.offsets(count: n, keys: sorted.map(\.start))
        let byEnd = sorted.indices.sorted { (sorted[$0].end, $0) < (sorted[$1].end, $1) }
        inOrder = byEnd.map { Int32($0) }
        inOffsets = Lattice.offsets(count: n, keys: byEnd.map { sorted[$0].end })
    }

    /// Convenience: a lattice over the scalars of `text`.
    public init(text: String, sentenceBoundaries: [Int] = [], edges: [Edge] = []) {
        self.init(scalars: text.unicodeScalars.map(\.value), sentenceBoundaries: sentenceBoundaries, edges: edges)
    }

    /// CSR offsets for sorted keys in 0...n.
    private static func offsets(count n: Int, keys: [Int]) -> [Int32] {
        var offsets = [Int32](repeating: 0, count: n + 2)
        for k in keys { offsets[k + 1] += 1 }
        for p in 0..<(n + 1) { offsets[p + 1] += offsets[p] }
        return offsets
    }

    /// Whether an assertion holds at position `p`.
    func holds(_ assertion: Assertion, at p: Int) -> Bool {
        switch assertion {
        case .textStart: return p == 0
        case .textEnd: return p == scalars.count
        case .sentenceStart: return p == 0 || boundary[p]
        case .sentenceEnd: return p == scalars.count || boundary[p]
        }
    }

    /// Indices (into `edges`) of the edges starting at `p`.
    @inline(__always)
    func outRange(_ p: Int) -> Range<Int> { Int(outOffsets[p])..<Int(outOffsets[p + 1]) }

    /// Whether an edge with `predicate` starts at `p`.
    func hasEdge(at p: Int, predicate: Int) -> Bool {
        for k in outRange(p) where edges[k].predicate == predicate { return true }
        return false
    }

    /// Indices (into `edges`) of the edges ending at `p`.
    func inEdges(_ p: Int) -> ArraySlice<Int32> { inOrder[Int(inOffsets[p])..<Int(inOffsets[p + 1])] }
}
