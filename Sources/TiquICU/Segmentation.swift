import TiquText

/// What kind of word ICU says a token is (its rule status range).
public enum TokenKind: String, Sendable, CaseIterable {
    case none, number, letter, kana, ideographic

    /// ICU's UBRK_WORD_* ranges: NONE 0..<100, NUMBER 100..<200,
    /// LETTER 200..<300, KANA 300..<400, IDEO 400..<500.
    init(ruleStatus: Int32) {
        switch ruleStatus {
        case 100..<200: self = .number
        case 200..<300: self = .letter
        case 300..<400: self = .kana
        case 400..<500: self = .ideographic
        default: self = .none
        }
    }
}

/// A word token: a half-open code-point range and its kind. Tokens tile the text.
public struct Token: Sendable, Equatable {
    public var start: Int
    public var end: Int
    public var kind: TokenKind

    public init(start: Int, end: Int, kind: TokenKind) {
        self.start = start
        self.end = end
        self.kind = kind
    }
}

/// ICU word and sentence segmentation, with offsets in code points.
public enum Segmenter {
    /// Word tokens covering the whole document, in order (dictionary-based
    /// for Chinese: ICU's `zh` word rules).
    public static func words(_ document: Document, locale: String = "zh") throws(ICUError) -> [Token] {
        let buffer = UTF16Buffer(document)
        let iterator = try BreakIterator(.word, locale: locale, units: buffer.units)
        var tokens: [Token] = []
        tokens.reserveCapacity(document.count / 2)
        var start = 0
        while let unit = iterator.next() {
            let end = buffer.codePointOffset(ofUnit: unit)
            guard end > start else { continue }
            tokens.append(Token(start: start, end: end, kind: TokenKind(ruleStatus: iterator.ruleStatus)))
            start = end
        }
        return tokens
    }

    /// Sentence boundaries in code points: 0, each boundary, and the end.
    public static func sentenceBoundaries(_ document: Document, locale: String = "zh") throws(ICUError) -> [Int] {
        let buffer = UTF16Buffer(document)
        let iterator = try BreakIterator(.sentence, locale: locale, units: buffer.units)
        var boundaries = [0]
        while let unit = iterator.next() {
            let offset = buffer.codePointOffset(ofUnit: unit)
            if offset > boundaries[boundaries.count - 1] { boundaries.append(offset) }
        }
        return boundaries
    }
}
