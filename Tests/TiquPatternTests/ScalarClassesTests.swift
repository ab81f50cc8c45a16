import TiquTestSupport
import XCTest
@testable import TiquPattern

/// The anchor scanner reads a code point's mask and first literal-trie step through
/// `RequiredAnchors.ScalarClasses`; for every BMP code point that must give exactly
/// what the full tables it replaces gave.
final class ScalarClassesTests: XCTestCase {
    private func lookup(_ classes: RequiredAnchors.ScalarClasses, _ v: Int) -> Int {
        let bits = RequiredAnchors.ScalarClasses.blockBits
        return Int(classes.classOf[Int(classes.blockStart[v >> bits]) + v & ((1 << bits) - 1)])
    }

    func testEveryCodePointKeepsItsMaskAndLiteralRoot() {
        var rng = SplitMix64(seed: 41)
        for _ in 0..<5 {
            var masks = [RequiredAnchors.Mask](repeating: 0, count: 0x10000)
            for _ in 0..<300 {   // sparse bits, some in runs, as sets like [镇乡村] and \p{Han} ranges give
                let start = rng.int(0x10000), length = 1 + rng.int(rng.int(2) == 0 ? 1 : 200)
                let bit = RequiredAnchors.Mask(1) << RequiredAnchors.Mask(rng.int(128))
                for v in start..<min(0x10000, start + length) { masks[v] |= bit }
            }
            let literals = (0..<50).map { _ in (0..<(2 + rng.int(3))).map { _ in UInt32(0x4E00 + rng.int(300)) } }
            let trie = MultiPatternAutomaton(scalarEntries: literals)
            let classes = RequiredAnchors.ScalarClasses(masks: masks, literalTrie: trie)
            for v in 0..<0x10000 {
                let c = lookup(classes, v)
                XCTAssertEqual(classes.mask[c], masks[v], "U+\(String(v, radix: 16))")
                XCTAssertEqual(classes.literalRoot[c], trie.child(0, UInt32(v)), "U+\(String(v, radix: 16))")
            }
            // Identical blocks are stored once: all the blocks with nothing in them are one.
            let size = 1 << RequiredAnchors.ScalarClasses.blockBits
            let busy = (0..<(0x10000 / size)).filter { block in
                (block * size..<(block + 1) * size).contains { masks[$0] != 0 || trie.child(0, UInt32($0)) >= 0 }
            }
            XCTAssertLessThanOrEqual(classes.classOf.count, (busy.count + 1) * size)
            XCTAssertLessThan(busy.count, 0x10000 / size)
        }
    }

    func testNoMasksGiveOneEmptyClass() {
        let classes = RequiredAnchors.ScalarClasses(masks: [], literalTrie: MultiPatternAutomaton(scalarEntries: []))
        XCTAssertEqual(classes.mask, [0])
        XCTAssertEqual(classes.literalRoot, [-1])
        XCTAssertEqual(classes.classOf.count, 1 << RequiredAnchors.ScalarClasses.blockBits)
        XCTAssertEqual(lookup(classes, 0x9547), 0)
    }
}
