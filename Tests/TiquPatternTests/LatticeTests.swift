import TiquTestSupport
import XCTest
@testable import TiquPattern

/// `Lattice.adding` must give exactly the lattice built from all the edges at once:
/// the annotator merges each phase's entities into the lattice instead of rebuilding it.
final class LatticeTests: XCTestCase {
    func testAddingEdgesEqualsBuildingFromAllOfThem() {
        var rng = SplitMix64(seed: 11)
        for _ in 0..<300 {
            let n = 1 + rng.int(40)
            let scalars = (0..<n).map { _ in UInt32(0x4E00 + rng.int(50)) }
            func edges(_ count: Int) -> [Lattice.Edge] {
                (0..<count).map { k in
                    let start = rng.int(n), end = start + 1 + rng.int(min(4, n - start))
                    return Lattice.Edge(start: start, end: end, predicate: rng.int(4), tag: k)
                }
            }
            let first = edges(rng.int(30)), more = edges(rng.int(30))
            let whole = Lattice(scalars: scalars, sentenceBoundaries: [2], edges: first + more)
            let merged = Lattice(scalars: scalars, sentenceBoundaries: [2], edges: first).adding(more)
            XCTAssertEqual(merged.edges, whole.edges)   // tags included: the first given wins
            for p in 0...n {
                XCTAssertEqual(Array(merged.edges(from: p)), Array(whole.edges(from: p)))
                XCTAssertEqual(Array(merged.inEdges(p)), Array(whole.inEdges(p)))
                XCTAssertEqual(merged.holds(.sentenceStart, at: p), whole.holds(.sentenceStart, at: p))
            }
        }
    }

    func testAddingNothingKeepsTheLattice() {
        let lattice = Lattice(scalars: [1, 2, 3], edges: [Lattice.Edge(start: 0, end: 2, predicate: 1)])
        XCTAssertEqual(lattice.adding([]).edges, lattice.edges)
    }
}
