import TiquText

/// Finds every numeral expression in running text: one left-to-right pass,
/// each numeral read once, nothing re-scanned (cost linear in the text).
///
/// Reading order at a position: a non-numeral word (统一) is skipped whole;
/// otherwise the number body is read (ChineseNumberReader, which also reads
/// Arabic digits), then its context decides the kind: 分之 and / make
/// fractions, % 成 折 百分之 make percentages, 个百分点 points, 年 after four
/// digits a year, 月 and 日 dates, 第 ordinals, and 到 至 - ～ between two
/// numbers a range. Qualifier words next to the number are reported apart.
public struct NumeralScanner: Sendable {
    public init() {}

    public func scan(_ document: Document) -> [Numeral] { scan(document.codePoints) }

    public func scan(_ codePoints: [UInt32]) -> [Numeral] {
        let text = CodePoints(values: codePoints)
        var numerals: [Numeral] = []
        numerals.reserveCapacity(codePoints.count / 64)
        var i = 0
        while true {
            i = nextCandidate(codePoints, from: i)
            guard i < text.count else { break }
            if let end = NonNumeralWords.match(text, at: i) { i = end; continue }
            if let numeral = NumeralContext(text: text).read(at: i) {
                numerals.append(numeral)
                i = numeral.end
            } else {
                i += 1
            }
        }
        return numerals
    }

    /// The first position at or after `start` where a numeral may begin: the
    /// hot loop, a table lookup per character with no bounds checks.
    private func nextCandidate(_ codePoints: [UInt32], from start: Int) -> Int {
        NumeralCharacters.startTable.withUnsafeBufferPointer { table in
            codePoints.withUnsafeBufferPointer { text in
                var i = start
                while i < text.count {
                    let c = text[i]
                    if c < 0x10000 && table[Int(c)] { return i }
                    i += 1
                }
                return i
            }
        }
    }
}
