import TiquTestSupport
import XCTest
import TiquPattern

final class MultiPatternAutomatonTests: XCTestCase {
    typealias Occurrence = MultiPatternAutomaton.Occurrence

    func naive(_ entries: [[UInt32]], _ text: [UInt32]) -> [Occurrence] {
        var result: [Occurrence] = []
        for (index, entry) in entries.enumerated() where !entry.isEmpty && entry.count <= text.count {
            for start in 0...(text.count - entry.count) where Array(text[start..<(start + entry.count)]) == entry {
                result.append(Occurrence(start: start, end: start + entry.count, entry: index))
            }
        }
        return result.sorted { ($0.start, $0.end, $0.entry) < ($1.start, $1.end, $1.entry) }
    }

    func testClassicExample() {
        let automaton = MultiPatternAutomaton(["he", "she", "his", "hers"])
        let found = automaton.occurrences(in: "ushers".unicodeScalars.map(\.value))
        XCTAssertEqual(found, [Occurrence(start: 1, end: 4, entry: 1), Occurrence(start: 2, end: 4, entry: 0),
                               Occurrence(start: 2, end: 6, entry: 3)])
    }

    func testChineseOverlapsAndDuplicates() {
        let automaton = MultiPatternAutomaton(["北京", "北京市", "京市", "北京", ""])
        let found = automaton.occurrences(in: "北京市北京".unicodeScalars.map(\.value))
        XCTAssertEqual(found.map { [$0.start, $0.end, $0.entry] },
                       [[0, 2, 0], [0, 2, 3], [0, 3, 1], [1, 3, 2], [3, 5, 0], [3, 5, 3]])
    }

    func testAgreesWithNaiveSearchOnRandomInputs() {
        var rng = SplitMix64(seed: 11)
        for round in 0..<300 {
            let alphabet = UInt32(2 + rng.int(4))
            let entries = (0..<(1 + rng.int(30))).map { _ in
                (0..<rng.int(6)).map { _ in 0x61 + UInt32(rng.int(Int(alphabet))) }
            }
            let text = (0..<rng.int(200)).map { _ in 0x61 + UInt32(rng.int(Int(alphabet))) }
            let automaton = MultiPatternAutomaton(scalarEntries: entries)
            let got = automaton.occurrences(in: text)
            let want = naive(entries, text)
            if got != want {
                XCTFail("round \(round): entries \(entries) text \(text)\n got \(got)\nwant \(want)")
                return
            }
        }
    }

    func testAstralAndRootTransitions() {
        let automaton = MultiPatternAutomaton(["𠀀", "a𠀀", "𠀀b"])
        let found = automaton.occurrences(in: "a𠀀b".unicodeScalars.map(\.value))
        XCTAssertEqual(found.map { [$0.start, $0.end, $0.entry] }, [[0, 2, 1], [1, 2, 0], [1, 3, 2]])
    }

    func testFiftyThousandEntryConstruction() {
        var rng = SplitMix64(seed: 21)
        let entries = (0..<50_000).map { _ in (0..<(2 + rng.int(6))).map { _ in 0x4E00 + UInt32(rng.int(3000)) } }
        let clock = ContinuousClock()
        var automaton: MultiPatternAutomaton?
        let elapsed = clock.measure { automaton = MultiPatternAutomaton(scalarEntries: entries) }
        print("Aho-Corasick: 50,000 entries built in \(elapsed), \(automaton!.stateCount) states")
        XCTAssertLessThan(elapsed, .seconds(20))   // generous for debug builds; ~0.1 s in release
        // Every entry is found in a text made of the entries themselves.
        let text = entries.prefix(1000).flatMap { $0 }
        let found = Set(automaton!.occurrences(in: text).map(\.entry))
        XCTAssertTrue((0..<1000).allSatisfy { found.contains($0) })
    }
}
