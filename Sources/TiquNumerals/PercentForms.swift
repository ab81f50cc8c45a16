/// Percentages written after their number: 3.4%, 3‰, 2.21个百分点, 三成,
/// 三成半, 七成六, 九折, 75折, 三八折. Values are in percent (or points).
/// (百分之 / 千分之 / 万分之 come before the number: see NumeralContext.)
enum PercentForms {
    static func read(_ text: CodePoints, after body: NumberBody) -> Numeral? {
        let e = body.end
        switch text[e] {
        case 0x25, 0xFF05:  // % ％, but not URL escapes such as %2F
            if text[e + 1] < 0x80, NumeralCharacters.isASCIILetter(text[e + 1]) || NumeralCharacters.arabicDigit(text[e + 1]) != nil {
                return nil
            }
            return numeral(body, end: e + 1, .percent, body.value)
        case 0x2030: return numeral(body, end: e + 1, .permille, body.value.divided(by: ExactNumber(10))!)  // ‰
        case 0x2031: return numeral(body, end: e + 1, .permyriad, body.value.divided(by: ExactNumber(100))!)  // ‱
        default: break
        }
        if let end = percentagePointEnd(text, from: e) {
            return numeral(body, end: end, .percentagePoint, body.value)
        }
        let k = text.skipSpaces(from: e)
        if text[k] == 0x6210 /* 成 */ { return readCheng(text, body, at: k) }
        if text[k] == 0x6298 /* 折 */ { return readZhe(text, body, at: k) }
        return nil
    }

    private static func numeral(_ body: NumberBody, end: Int, _ kind: NumeralKind, _ value: ExactNumber) -> Numeral {
        Numeral(start: body.start, end: end, kind: kind, value: value, qualifier: body.filler)
    }

    /// 个百分点, 百分点 (spaces allowed between the characters, as in tables).
    private static func percentagePointEnd(_ text: CodePoints, from e: Int) -> Int? {
        var k = text.skipSpaces(from: e)
        if text[k] == 0x4E2A || text[k] == 0x500B { k = text.skipSpaces(from: k + 1) }  // 个 個
        for expected: [UInt32] in [[0x767E, 0x4F70], [0x5206], [0x70B9, 0x9EDE]] {  // 百 分 点
            guard expected.contains(text[k]) else { return nil }
            k = expected == [0x70B9, 0x9EDE] ? k + 1 : text.skipSpaces(from: k + 1)
        }
        return k
    }

    /// Characters after 成 that make it a word (成本, 成为, 成果 ...), not tenths.
    static let chengWords: Set<UInt32> = Set("为功果立本效绩交都员熟长型套品就片群年人像形败全才真份批规龙分品语".unicodeScalars.map(\.value))

    /// 三成 = 30%, 三成半 = 35%, 七成六 = 76%.
    private static func readCheng(_ text: CodePoints, _ body: NumberBody, at k: Int) -> Numeral? {
        guard body.value <= ExactNumber(10), !body.value.isNegative, !chengWords.contains(text[k + 1]) else { return nil }
        var value = body.value * ExactNumber(10)
        var end = k + 1
        if text[end] == 0x534A /* 半 */ {
            value = value + ExactNumber(5)
            end += 1
        } else {
            let d = text.skipSpaces(from: end, limit: 1)
            if case .digit(let tenth)? = NumeralCharacters.atom(text[d]), NumeralCharacters.atom(text[d + 1]) == nil {
                value = value + ExactNumber(tenth)
                end = d + 1
            }
        }
        return numeral(body, end: end, .percent, value)
    }

    private static let zheWords: Set<UInt32> = Set("合算旧叠射腾服中线返回痕价现扣".unicodeScalars.map(\.value))

    /// 九折 = 90%, 9.5折 = 95%, 75折 and 三八折 (two digits) = 75%, 38%.
    private static func readZhe(_ text: CodePoints, _ body: NumberBody, at k: Int) -> Numeral? {
        guard !zheWords.contains(text[k + 1]), !body.value.isNegative, body.value > .zero else { return nil }
        if body.value < ExactNumber(10) {
            return numeral(body, end: k + 1, .percent, body.value * ExactNumber(10))
        }
        let twoDigits = body.value.isInteger && body.value < ExactNumber(100)
            && (body.isDigitString || body.arabicOnly)
        return twoDigits ? numeral(body, end: k + 1, .percent, body.value) : nil
    }
}
