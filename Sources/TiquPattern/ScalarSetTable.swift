/// Membership of a code point in one of a program's code-point sets in constant time.
///
/// WHY: the matcher, the lookaround search and the lookaround entry filters test a set
/// at almost every step, and `ScalarSet.contains` bisects the set's ranges: for the
/// Han sets of real rules (a few dozen scattered characters, or \p{Han} minus them)
/// that is five to eight dependent loads and branches. Here every set is a table of
/// 256 blocks of 256 bits over the BMP, so a test is two loads and a shift. Equal
/// blocks are stored once (most are all zeros or all ones), so a set costs 1 KB of
/// block indices plus its distinct blocks. Code points above U+FFFF are rare in
/// text and fall back to the set's own ranges, and so do the sets beyond a budget
/// (`maxTabledSets`, `maxBlockWords`), which bounds the table of a hostile rule set
/// with thousands of distinct classes to a few megabytes.
///
/// Immutable after init and shared by every matcher of the program (a class, so that
/// the tables are not copied; raw storage, so that reading them retains nothing).
final class ScalarSetTable: @unchecked Sendable {
    static let maxTabledSets = 4096
    static let maxBlockWords = 1 << 18
    private let sets: [ScalarSet]
    /// Sets 0..<tabled have a table; the others are tested through their ranges.
    private let tabled: Int
    /// Per set, 256 block numbers: blockOf[set << 8 | v >> 8] is the block of v's 256.
    private let blockOf: UnsafeMutablePointer<UInt32>
    /// Four 64-bit words per block.
    private let words: UnsafeMutablePointer<UInt64>

    init(_ sets: [ScalarSet]) {
        self.sets = sets
        var blockIndex: [[UInt64]: UInt32] = [:]
        var blockWords: [UInt64] = []
        var blockOf: [UInt32] = []
        func blockId(_ block: [UInt64]) -> UInt32 {
            if let id = blockIndex[block] { return id }
            let id = UInt32(blockWords.count >> 2)
            blockWords += block
            blockIndex[block] = id
            return id
        }
        // Most blocks of a set are empty or full: their ids are looked up once, not
        // hashed again for every set (a rule set has a few thousand sets).
        lazy var emptyBlock = blockId([0, 0, 0, 0])
        lazy var fullBlock = blockId([~0, ~0, ~0, ~0])
        for set in sets.prefix(ScalarSetTable.maxTabledSets) where blockWords.count + 1024 <= ScalarSetTable.maxBlockWords {
            let bits = ScalarSetTable.bitmap(set)
            for high in 0..<256 {
                let block = bits[(high << 2)..<((high + 1) << 2)]
                if block.allSatisfy({ $0 == 0 }) {
                    blockOf.append(emptyBlock)
                } else if block.allSatisfy({ $0 == ~0 }) {
                    blockOf.append(fullBlock)
                } else {
                    blockOf.append(blockId(Array(block)))
                }
            }
        }
        tabled = blockOf.count >> 8
        self.blockOf = .allocate(capacity: max(1, blockOf.count))
        self.blockOf.initialize(from: blockOf, count: blockOf.count)
        words = .allocate(capacity: max(1, blockWords.count))
        words.initialize(from: blockWords, count: blockWords.count)
    }

    /// The set's BMP members as 1024 words of 64 bits, filled a word at a time.
    private static func bitmap(_ set: ScalarSet) -> [UInt64] {
        var bits = [UInt64](repeating: 0, count: 1024)
        for range in set.ranges where range.lowerBound < 0x10000 {
            let low = Int(range.lowerBound), high = Int(min(range.upperBound, 0xFFFF))
            for word in (low >> 6)...(high >> 6) {
                let from = max(low, word << 6) & 63, through = min(high, word << 6 | 63) & 63
                let ones: UInt64 = through == 63 ? ~0 : (1 << UInt64(through + 1)) &- 1
                bits[word] |= ones & ~((1 << UInt64(from)) &- 1)
            }
        }
        return bits
    }

    deinit {
        blockOf.deallocate()
        words.deallocate()
    }

    /// Whether code point `v` is in set number `set`.
    @inline(__always)
    func contains(_ set: Int, _ v: UInt32) -> Bool {
        guard v < 0x10000, set < tabled else { return sets[set].contains(v) }
        let block = Int(blockOf[set &<< 8 | Int(v &>> 8)])
        return words[block &<< 2 | Int((v &>> 6) & 3)] &>> UInt64(v & 63) & 1 != 0
    }
}
