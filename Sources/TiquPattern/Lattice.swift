/// The document as the matcher sees it: positions 0...count are code-point offsets;
/// between them are the code points, plus labelled edges (start, end, predicate) that
/// stand for tokens, numerals, lexicon hits or earlier entities.
///
/// Edges are indexed both by start (for matching) and by end (for lookbehind). At each
/// start, edges are ordered by predicate, then by end descending, which is the priority
/// order the matcher uses (the longer edge first).
///
/// Immutable, and a class so that the matcher and its lookaround evaluator share one
/// instance: as a struct of six arrays it was copied (and its arrays retained) each time
/// the matcher passed it on.
public final class Lattice: Sendable {
    /// One labelled edge over `start..<end`. Stored in 32-bit fields (16 bytes an edge:
    /// a long document has about one edge per two code points).
    public struct Edge: Sendable, Hashable {
        fileprivate var start32: Int32
        fileprivate var end32: Int32
        fileprivate var predicate32: Int32
        private var tag32: Int32
        public var start: Int { Int(start32) }
        public var end: Int { Int(end32) }
        public var predicate: Int { Int(predicate32) }
        /// An opaque number for whoever built the lattice (the item behind the edge);
        /// the matcher ignores it. -1 when unused.
        public var tag: Int { Int(tag32) }

        public init(start: Int, end: Int, predicate: Int, tag: Int = -1) {
            precondition(start >= 0 && end <= Int(Int32.max) && Int32(exactly: predicate) != nil && Int32(exactly: tag) != nil,
                         "lattice edge out of 32-bit range")
            start32 = Int32(start)
            end32 = Int32(end)
            predicate32 = Int32(predicate)
            tag32 = Int32(tag)
        }

        /// Same span and predicate (the tag aside).
        func sameKey(_ other: Edge) -> Bool {
            start32 == other.start32 && end32 == other.end32 && predicate32 == other.predicate32
        }
    }

    /// The code points of the text.
    public let scalars: [UInt32]
    /// The deduplicated edges, sorted by (start, predicate, end descending). Of edges
    /// with the same span and predicate, the first given is kept (with its tag).
    public let edges: [Edge]
    let boundary: [Bool]            // count + 1 flags: sentence boundary at position p
    let outOffsets: [Int32]         // edges starting at p: edges[outOffsets[p]..<outOffsets[p+1]]
    let inOffsets: [Int32]          // edges ending at p: inOrder[inOffsets[p]..<inOffsets[p+1]]
    let inOrder: [Int32]            // indices into `edges`, grouped by end

    /// The number of code points.
    public var count: Int { scalars.count }

    /// Builds a lattice. `sentenceBoundaries` outside 0...count are ignored. Every edge
    /// must satisfy 0 <= start < end <= count (a precondition); edges with the same span
    /// and predicate are merged (the first given is kept).
    public convenience init(scalars: [UInt32], sentenceBoundaries: [Int] = [], edges: [Edge] = []) {
        let n = scalars.count
        var flags = [Bool](repeating: false, count: n + 1)
        for b in sentenceBoundaries where b >= 0 && b <= n { flags[b] = true }
        Lattice.check(edges, count: n)
        self.init(scalars: scalars, boundary: flags, sorted: Lattice.sortedUnique(edges, count: n))
    }

    /// This lattice with `more` edges: the lattice built from all the edges given so
    /// far followed by `more` (so an edge already here wins over an added one with the
    /// same span and predicate). The edges here are not sorted again: the added ones
    /// are sorted and merged in, O(n + E + m log m) for m added edges.
    public func adding(_ more: [Edge]) -> Lattice {
        guard !more.isEmpty else { return self }
        Lattice.check(more, count: count)
        let added = more.indices.sorted {
            let a = more[$0], b = more[$1]
            return Lattice.before(a, b) || (!Lattice.before(b, a) && $0 < $1)
        }.map { more[$0] }
        // Raw buffers: this merge runs over every edge of the document once per phase.
        let merged = [Edge](unsafeUninitializedCapacity: edges.count + added.count) { out, kept in
            edges.withUnsafeBufferPointer { old in
                var i = 0
                for edge in added {
                    while i < old.count && !Lattice.before(edge, old[i]) {
                        out.initializeElement(at: kept, to: old[i])
                        kept += 1
                        i += 1
                    }
                    if kept > 0 && out[kept - 1].sameKey(edge) { continue }   // here already, or added twice
                    out.initializeElement(at: kept, to: edge)
                    kept += 1
                }
                for k in i..<old.count {
                    out.initializeElement(at: kept, to: old[k])
                    kept += 1
                }
            }
        }
        return Lattice(scalars: scalars, boundary: boundary, sorted: merged)
    }

    /// The lattice's edge order: by start, then predicate, then end descending.
    @inline(__always)
    private static func before(_ a: Edge, _ b: Edge) -> Bool {
        if a.start32 != b.start32 { return a.start32 < b.start32 }
        if a.predicate32 != b.predicate32 { return a.predicate32 < b.predicate32 }
        return a.end32 > b.end32
    }

    private static func check(_ edges: [Edge], count n: Int) {
        for e in edges {
            precondition(e.start >= 0 && e.start < e.end && e.end <= n, "invalid lattice edge \(e)")
        }
    }

    /// A lattice over edges already in (start, predicate, end descending) order, unique.
    private init(scalars: [UInt32], boundary: [Bool], sorted: [Edge]) {
        let n = scalars.count
        self.scalars = scalars
        self.boundary = boundary
        self.edges = sorted
        (outOffsets, inOffsets, inOrder) = sorted.withUnsafeBufferPointer { edges in
            let outOffsets = Lattice.offsets(count: n, of: edges) { $0.start32 }
            // Edges by end: a counting sort, stable, so ties stay in `edges` order.
            let endOffsets = Lattice.offsets(count: n, of: edges) { $0.end32 }
            let byEnd = [Int32](unsafeUninitializedCapacity: edges.count) { byEnd, filled in
                var slot = endOffsets
                slot.withUnsafeMutableBufferPointer { slot in
                    for k in edges.indices {
                        let end = Int(edges[k].end32)
                        byEnd.initializeElement(at: Int(slot[end]), to: Int32(k))
                        slot[end] += 1
                    }
                }
                filled = edges.count
            }
            return (outOffsets, endOffsets, byEnd)
        }
    }

    /// The edges in (start, predicate, end descending) order without duplicates (the
    /// first given of the same span and predicate is kept): a counting sort by start,
    /// then an insertion sort within each start (a handful of edges), so O(n + E).
    private static func sortedUnique(_ edges: [Edge], count n: Int) -> [Edge] {
        var sorted = edges
        let kept = edges.withUnsafeBufferPointer { edges in
            sorted.withUnsafeMutableBufferPointer { sorted in
                var slot = offsets(count: n, of: edges) { $0.start32 }
                let bucketStart = slot
                for edge in edges {
                    sorted[Int(slot[Int(edge.start32)])] = edge
                    slot[Int(edge.start32)] += 1
                }
                var kept = 0
                for p in 0..<n {
                    let first = kept
                    for k in Int(bucketStart[p])..<Int(bucketStart[p + 1]) {
                        let edge = sorted[k]
                        // Insert into sorted[first..<kept] after every edge not after it (stable).
                        var j = kept
                        while j > first && before(edge, sorted[j - 1]) { j -= 1 }
                        if j > first && sorted[j - 1].sameKey(edge) { continue }    // a duplicate
                        var m = kept
                        while m > j { sorted[m] = sorted[m - 1]; m -= 1 }
                        sorted[j] = edge
                        kept += 1
                    }
                }
                return kept
            }
        }
        sorted.removeLast(sorted.count - kept)
        return sorted
    }

    /// Convenience: a lattice over the scalars of `text`.
    public convenience init(text: String, sentenceBoundaries: [Int] = [], edges: [Edge] = []) {
        self.init(scalars: text.unicodeScalars.map(\.value), sentenceBoundaries: sentenceBoundaries, edges: edges)
    }

    /// CSR offsets for keys in 0...n: the edges with key p are at offsets[p]..<offsets[p + 1]
    /// once grouped by key.
    @inline(__always)
    private static func offsets(count n: Int, of edges: UnsafeBufferPointer<Edge>, key: (Edge) -> Int32) -> [Int32] {
        var offsets = [Int32](repeating: 0, count: n + 2)
        offsets.withUnsafeMutableBufferPointer { offsets in
            for edge in edges { offsets[Int(key(edge)) + 1] += 1 }
            for p in 0..<(n + 1) { offsets[p + 1] += offsets[p] }
        }
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

    /// The edges starting at `p` (0 <= p <= count), in the matcher's priority order.
    public func edges(from p: Int) -> ArraySlice<Edge> { edges[outRange(p)] }

    /// Whether an edge with `predicate` starts at `p`.
    func hasEdge(at p: Int, predicate: Int) -> Bool {
        for k in outRange(p) where edges[k].predicate == predicate { return true }
        return false
    }

    /// Indices (into `edges`) of the edges ending at `p`.
    func inEdges(_ p: Int) -> ArraySlice<Int32> { inOrder[Int(inOffsets[p])..<Int(inOffsets[p + 1])] }
}
