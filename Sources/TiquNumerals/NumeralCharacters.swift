/// The characters numerals are made of, classified once.
///
/// Simplified, traditional and financial forms map to the same atoms, so the
/// readers never look at a character twice.
enum Atom: Equatable {
    /// 一..九 in all their forms; 〇 and 零 are `zero`.
    case digit(Int)
    /// 〇 零: a digit 0 in digit strings, a gap marker in positional numbers.
    case zero
    /// 十 百 千 (拾 佰 仟) as powers of ten: 1, 2, 3.
    case small(Int)
    /// 万 亿 兆 (萬 億) as powers of ten: 4, 8, 12 (兆 is 10^12; see README).
    case big(Int)
    /// 廿 卅 卌: 20, 30, 40.
    case tens(Int)
    /// 点 點: the decimal point of Chinese numerals.
    case point
    /// 多 余 幾 几 来: an open amount after the number (三十余万, 500多).
    case filler(Qualifier)
}

enum NumeralCharacters {
    static func atom(_ c: UInt32) -> Atom? {
        switch c {
        case 0x3007, 0x96F6: return .zero  // 〇 零
        case 0x4E00, 0x58F9, 0x5E7A: return .digit(1)  // 一 壹 幺
        case 0x4E8C, 0x4E24, 0x5169, 0x8D30, 0x8CB3, 0x5F0D, 0x5006: return .digit(2)  // 二 两 兩 贰 貳 弍 倆
        // Not the simplified 参: it is "take part" or "ginseng" (参加, 人参种植), never 3
        // in simplified text, where the financial form is 叁.
        case 0x4E09, 0x53C1, 0x53C3, 0x53C4: return .digit(3)  // 三 叁 參 叄
        case 0x56DB, 0x8086: return .digit(4)  // 四 肆
        case 0x4E94, 0x4F0D: return .digit(5)  // 五 伍
        case 0x516D, 0x9646, 0x9678: return .digit(6)  // 六 陆 陸
        case 0x4E03, 0x67D2: return .digit(7)  // 七 柒
        case 0x516B, 0x634C: return .digit(8)  // 八 捌
        case 0x4E5D, 0x7396: return .digit(9)  // 九 玖
        case 0x5341, 0x62FE: return .small(1)  // 十 拾
        case 0x767E, 0x4F70: return .small(2)  // 百 佰
        case 0x5343, 0x4EDF: return .small(3)  // 千 仟
        case 0x4E07, 0x842C: return .big(4)  // 万 萬
        case 0x4EBF, 0x5104: return .big(8)  // 亿 億
        case 0x5146: return .big(12)  // 兆
        case 0x5EFF: return .tens(20)  // 廿
        case 0x5345: return .tens(30)  // 卅
        case 0x534C: return .tens(40)  // 卌
        case 0x70B9, 0x9EDE: return .point  // 点 點
        case 0x591A, 0x4F59, 0x9918, 0x51E0, 0x5E7E: return .filler(.gt)  // 多 余 餘 几 幾
        case 0x6765, 0x4F86: return .filler(.approx)  // 来 來
        default: return nil
        }
    }

    /// ASCII 0-9 and full-width ０-９.
    static func arabicDigit(_ c: UInt32) -> Int? {
        switch c {
        case 0x30...0x39: return Int(c - 0x30)
        case 0xFF10...0xFF19: return Int(c - 0xFF10)
        default: return nil
        }
    }

    /// Characters after which 千 and 兆 are SI prefixes of a unit (千瓦, 千米, 千升,
    /// 兆瓦, 兆帕 ...), not magnitudes: 3千瓦 is 3 kilowatts, not 3000 瓦.
    private static let prefixedUnits: Set<UInt32> = Set("瓦米克伏卡焦帕赫欧字比升".unicodeScalars.map(\.value))

    /// Whether the magnitude character at `i` begins a unit such as 千瓦 or 兆瓦.
    static func isUnitPrefix(_ text: CodePoints, at i: Int) -> Bool {
        let c = text[i]
        return (c == 0x5343 || c == 0x5146 || c == 0x4EDF) && prefixedUnits.contains(text[i + 1])  // 千 兆 仟
    }

    /// 两 兩 倆: 2 as a count, never a digit after a decimal point.
    static func isLiang(_ c: UInt32) -> Bool { c == 0x4E24 || c == 0x5169 || c == 0x5006 }

    static func isDecimalPoint(_ c: UInt32) -> Bool { c == 0x2E || c == 0xFF0E }  // . ．
    static func isASCIILetter(_ c: UInt32) -> Bool { (0x41...0x5A).contains(c) || (0x61...0x7A).contains(c) }
    /// A Latin letter, half- or full-width (ＰＭ２．５ and Ｇ３１２ are codes as PM2.5 and G312 are).
    static func isLatinLetter(_ c: UInt32) -> Bool {
        isASCIILetter(c) || (0xFF21...0xFF3A).contains(c) || (0xFF41...0xFF5A).contains(c)
    }
    static func isMinus(_ c: UInt32) -> Bool { c == 0x2D || c == 0xFF0D || c == 0x2212 }  // - － −
    static func isInlineSpace(_ c: UInt32) -> Bool { c == 0x20 || c == 0x09 }

    /// 到 至 - ～ ~ — – 〜: what joins the two ends of a range.
    static func isRangeConnector(_ c: UInt32) -> Bool {
        switch c {
        case 0x5230, 0x81F3, 0x2D, 0xFF5E, 0x7E, 0x2014, 0x2013, 0x301C, 0xFF0D: return true
        default: return false
        }
    }

    /// For the scanning loop: can a numeral start at this BMP character at
    /// all? (Nothing outside the BMP starts one.) One lookup per character.
    static let startTable: [Bool] = (0..<0x10000).map { c in
        let c = UInt32(c)
        switch atom(c) {
        case .filler?, .point?: return false  // 多 余 来 点 continue numbers, never begin one
        case .some: return true
        case nil: break
        }
        return arabicDigit(c) != nil || c == 0x2E || c == 0x2D || c == 0xFF0E || c == 0xFF0D || c == 0x2212
            || [0x8D1F, 0x8CA0, 0x7B2C, 0x534A, 0x5BF9, 0x5C0D].contains(c)  // 负 負 第 半 对 對
    }
}

/// Read-only access to the code points with a sentinel past either end, so
/// readers can look around without bounds checks at every step.
struct CodePoints {
    let values: [UInt32]
    var count: Int { values.count }

    subscript(i: Int) -> UInt32 { i >= 0 && i < values.count ? values[i] : 0 }

    /// Whether the literal `word` stands at `i`.
    func has(_ word: [UInt32], at i: Int) -> Bool {
        for (k, c) in word.enumerated() where self[i + k] != c { return false }
        return true
    }

    /// Skips up to `limit` inline spaces from `i`.
    func skipSpaces(from i: Int, limit: Int = 4) -> Int {
        var k = i
        while k - i < limit, NumeralCharacters.isInlineSpace(self[k]) { k += 1 }
        return k
    }
}
