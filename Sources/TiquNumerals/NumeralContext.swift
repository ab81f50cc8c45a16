/// Turns a number body into a numeral by reading the words around it.
struct NumeralContext {
    let text: CodePoints

    func read(at i: Int) -> Numeral? {
        if let special = readSpecialForm(at: i) { return special }
        if text[i] == 0x7B2C /* 第 */ { return readOrdinal(at: i) }
        if let negative = readNegative(at: i) { return negative }
        guard startsCleanly(at: i) else { return nil }
        let prefix = QualifierWords.before(text, at: i)
        guard let first = readSingle(at: i, allowBareMagnitude: prefix?.allowsBareMagnitude ?? false) else { return nil }
        var numeral = readRange(from: first) ?? first
        attachQualifier(&numeral, prefix: prefix)
        return numeral
    }

    // MARK: forms with no leading number

    /// 打对折 (50%), 半成 (5%), 半折 (50%), 半百 (50), 半个 (0.5), 一半 (0.5).
    private static let specialForms: [(word: [UInt32], length: Int, kind: NumeralKind, value: ExactNumber)] = [
        ("半成", 2, NumeralKind.percent, ExactNumber(5)), ("半折", 2, .percent, ExactNumber(50)),
        ("半百", 2, .cardinal, ExactNumber(50)), ("一半", 2, .decimal, ExactNumber(numerator: 1, denominator: 2)),
        ("半个", 1, .decimal, ExactNumber(numerator: 1, denominator: 2)),
        ("半個", 1, .decimal, ExactNumber(numerator: 1, denominator: 2)),
    ].map { ($0.0.unicodeScalars.map(\.value), $0.1, $0.2, $0.3) }

    private func readSpecialForm(at i: Int) -> Numeral? {
        let c = text[i]
        guard c == 0x534A || c == 0x4E00 || c == 0x5BF9 || c == 0x5C0D else { return nil }  // 半 一 对 對
        for form in NumeralContext.specialForms where form.word[0] == c && text.has(form.word, at: i) {
            return Numeral(start: i, end: i + form.length, kind: form.kind, value: form.value)
        }
        // 对折 is half price only after 打 (打对折); alone it is "folded in two".
        if c != 0x534A, c != 0x4E00, text[i + 1] == 0x6298 /* 折 */, text[i - 1] == 0x6253 /* 打 */ {
            return Numeral(start: i, end: i + 2, kind: .percent, value: ExactNumber(50))
        }
        return nil
    }

    /// 第二届, 第3: the span includes 第.
    private func readOrdinal(at i: Int) -> Numeral? {
        guard let body = ChineseNumberReader.read(text, at: i + 1) else { return nil }
        return Numeral(start: i, end: body.end, kind: .ordinal, value: body.value)
    }

    /// 负3.9%, -10000, 零下5 (the sign is inside the span). 负 after 减, 担, 抱 ... is
    /// the second character of a word ("burden": 为企业减负2.3亿元 relieves 2.3亿).
    private func readNegative(at i: Int) -> Numeral? {
        let signLength: Int
        if text[i] == 0x8D1F || text[i] == 0x8CA0 {  // 负 負
            guard !Self.burdenWordStarts.contains(text[i - 1]) else { return nil }
            signLength = 1
        }
        else if text[i] == 0x96F6 && text[i + 1] == 0x4E0B { signLength = 2 }  // 零下
        else if NumeralCharacters.isMinus(text[i]), !isWordCharacter(text[i - 1]) { signLength = 1 }
        else { return nil }
        let numberStart = text.skipSpaces(from: i + signLength, limit: 1)
        guard var numeral = readSingle(at: numberStart, allowBareMagnitude: false),
              numeral.kind != .range, let value = numeral.value
        else { return nil }
        numeral.value = -value
        numeral.start = i
        return numeral
    }

    /// 减 担 抱 胜 自 肩 背 辜 (減 擔 勝): before 负 they make a word of it.
    private static let burdenWordStarts: Set<UInt32> = [0x51CF, 0x62C5, 0x62B1, 0x80DC, 0x81EA, 0x80A9, 0x80CC, 0x8F9C,
                                                        0x6E1B, 0x64D4, 0x52DD]

    /// An Arabic number never starts inside a code (G318, PM2.5) or another number.
    private func startsCleanly(at i: Int) -> Bool {
        guard NumeralCharacters.arabicDigit(text[i]) != nil || NumeralCharacters.isDecimalPoint(text[i]) else { return true }
        let before = text[i - 1]
        if NumeralCharacters.isLatinLetter(before) || NumeralCharacters.arabicDigit(before) != nil { return false }
        // The 5 of PM2.5 is the end of a number, not a number of its own.
        if NumeralCharacters.isDecimalPoint(before), NumeralCharacters.arabicDigit(text[i - 2]) != nil { return false }
        if NumeralCharacters.isDecimalPoint(text[i]) {
            return NumeralCharacters.arabicDigit(text[i + 1]) != nil && !isWordCharacter(before)
        }
        return true
    }

    private func isWordCharacter(_ c: UInt32) -> Bool {
        NumeralCharacters.arabicDigit(c) != nil || NumeralCharacters.isLatinLetter(c)
            || NumeralCharacters.atom(c).map { if case .filler = $0 { return false } else { return true } } ?? false
    }

    // MARK: one numeral (no range)

    func readSingle(at i: Int, allowBareMagnitude: Bool) -> Numeral? {
        if let pair = readApproximatePair(at: i) { return pair }
        guard let body = ChineseNumberReader.read(text, at: i, allowBareMagnitude: allowBareMagnitude) else {
            // 百分之十, 千分之三: a bare 百 or 千 is a number only before 分之.
            return ChineseNumberReader.read(text, at: i, allowBareMagnitude: true).flatMap { readFenZhi(denominator: $0) }
        }
        if let fraction = readFraction(after: body) { return fraction }
        if let percent = PercentForms.read(text, after: body) { return percent }
        if let dozen = readDozen(after: body) { return dozen }
        var numeral = Numeral(start: body.start, end: body.end, kind: plainKind(body.value),
                              value: body.value, magnitude: body.magnitude)
        if let filler = body.filler { numeral.qualifier = filler }
        numeral.kind = calendarKind(of: body) ?? numeral.kind
        return numeral
    }

    /// Characters after 打 that make it a verb (打造, 打通 ...), not a dozen.
    private static let daWords: Set<UInt32> = Set("造击通开好赢破响出下牢包工卡折算扫井印捞压拼理的球官字车针架电听招交仗扮动".unicodeScalars.map(\.value))

    /// 一打 = 12, 十打 = 120: 打 after a whole number is a dozen.
    private func readDozen(after body: NumberBody) -> Numeral? {
        guard text[body.end] == 0x6253 /* 打 */, body.value.isInteger, !body.isDigitString,
              !NumeralContext.daWords.contains(text[body.end + 1])
        else { return nil }
        return Numeral(start: body.start, end: body.end + 1, kind: .cardinal, value: body.value * ExactNumber(12))
    }

    private func plainKind(_ value: ExactNumber) -> NumeralKind { value.isInteger ? .cardinal : .decimal }

    /// 2022年 and 二〇二三年 are years; 1月 and 6日 (after 月) are dates.
    private func calendarKind(of body: NumberBody) -> NumeralKind? {
        let next = text[body.end]
        let fourDigits = (body.arabicOnly && body.integerDigits == 4 && !body.isDecimal)
            || (body.isDigitString && body.end - body.start == 4)
        if next == 0x5E74 /* 年 */, fourDigits { return .year }
        guard body.value.isInteger, !body.hasUnits || body.value <= ExactNumber(31) else { return nil }
        if next == 0x6708 /* 月 */, body.value >= .one, body.value <= ExactNumber(12), text[body.start - 1] != 0x4E2A /* 个 */ {
            return .date
        }
        if next == 0x65E5 || next == 0x53F7, body.value >= .one, body.value <= ExactNumber(31),  // 日 号
           text[body.start - 1] == 0x6708 /* 月 */ {
            return .date
        }
        return nil
    }

    /// 三四十万 (300000 to 400000), 七八万, 两三个: two neighbouring digits
    /// before a unit or a word are an approximate range; so are two before 成
    /// (两三成 is 20 % to 30 %, never 23 tenths).
    private func readApproximatePair(at i: Int) -> Numeral? {
        guard case .digit(let low)? = NumeralCharacters.atom(text[i]),
              case .digit(let high)? = NumeralCharacters.atom(text[i + 1]),
              high == low + 1 || (low == 3 && high == 5), low >= 1 else { return nil }
        if text[i + 2] == 0x6210 /* 成 */ {
            guard !PercentForms.chengWords.contains(text[i + 3]) else { return nil }
            return Numeral(start: i, end: i + 3, kind: .range, min: ExactNumber(low * 10), max: ExactNumber(high * 10),
                           boundKind: .percent, qualifier: .approx)
        }
        guard text[i + 2] != 0x6298,  // 折: 三八折 is 38 %, a digit string
              NumeralCharacters.atom(text[i + 2]).map({ if case .digit = $0 { return false } else { return true } }) ?? true,
              var upper = ChineseNumberReader.read(text, at: i + 1), !upper.isDecimal
        else { return nil }
        let scale = upper.value.divided(by: ExactNumber(high)) ?? .one
        upper.start = i
        return Numeral(start: i, end: upper.end, kind: .range, min: ExactNumber(low) * scale, max: upper.value,
                       boundKind: .cardinal, qualifier: .approx, magnitude: upper.magnitude)
    }

    // MARK: fractions

    /// X分之Y, X又Y分之Z, and Arabic a/b (with a mixed whole part: 1 3/5).
    private func readFraction(after body: NumberBody) -> Numeral? {
        if let numeral = readFenZhi(denominator: body) { return numeral }
        let you = text.skipSpaces(from: body.end)
        if text[you] == 0x53C8 /* 又 */, let part = ChineseNumberReader.read(text, at: text.skipSpaces(from: you + 1)) {
            let fraction = readFenZhi(denominator: part, mixed: true) ?? readSlashFraction(after: part)
                ?? readShortFraction(denominator: part)
            if let fraction, let value = fraction.value {
                return Numeral(start: body.start, end: fraction.end, kind: .fraction, value: value + body.value)
            }
        }
        return readShortFraction(denominator: body, marker: 0x4EFD /* 份 */) ?? readSlashFraction(after: body)
    }

    /// After the denominator body: 分之 and the numerator. A bare 百/千/万
    /// before 分之 makes a percentage (百分之十 -> 10%, 千分之三 -> 0.3%),
    /// except as the fraction part of a mixed number (`mixed`: 3又百分之一 is rare
    /// enough that 又 always means a plain fraction).
    private func readFenZhi(denominator: NumberBody, mixed: Bool = false) -> Numeral? {
        var k = text.skipSpaces(from: denominator.end)
        guard text[k] == 0x5206 /* 分 */ else { return nil }
        k = text.skipSpaces(from: k + 1)
        guard text[k] == 0x4E4B /* 之 */ else { return nil }
        k = text.skipSpaces(from: k + 1)
        var sign = ExactNumber.one
        if text[k] == 0x8D1F || text[k] == 0x8CA0 { sign = -sign; k += 1 }
        // 百分之百: the numerator may be a bare 百 too.
        guard let top = ChineseNumberReader.read(text, at: k, allowBareMagnitude: true),
              let ratio = top.value.divided(by: denominator.value)
        else { return nil }
        let start = denominator.start
        if !mixed, !denominator.hasDigit {
            let percent = ratio * ExactNumber(100) * sign
            let kind: NumeralKind = denominator.value == ExactNumber(100) ? .percent
                : denominator.value == ExactNumber(1000) ? .permille : .permyriad
            return Numeral(start: start, end: top.end, kind: kind, value: percent)
        }
        return Numeral(start: start, end: top.end, kind: .fraction, value: ratio * sign)
    }

    /// The short forms 十分一 (after 又) and 二份一: denominator, 分 or 份,
    /// numerator, with no 之 and no space.
    private func readShortFraction(denominator: NumberBody, marker: UInt32 = 0x5206 /* 分 */) -> Numeral? {
        guard text[denominator.end] == marker, NumeralCharacters.atom(text[denominator.end + 1]) != nil,
              let top = ChineseNumberReader.read(text, at: denominator.end + 1), top.hasDigit,
              let ratio = top.value.divided(by: denominator.value)
        else { return nil }
        return Numeral(start: denominator.start, end: top.end, kind: .fraction, value: ratio)
    }

    private func readSlashFraction(after body: NumberBody) -> Numeral? {
        var numerator = body
        var whole: NumberBody?
        var k = body.end
        if body.arabicOnly, body.value.isInteger, NumeralCharacters.isInlineSpace(text[k]),
           let next = ChineseNumberReader.read(text, at: k + 1), next.arabicOnly, isSlash(text[next.end]) {
            whole = body
            numerator = next
            k = next.end
        }
        guard isSlash(text[k]), numerator.arabicOnly, numerator.value.isInteger,
              NumeralCharacters.arabicDigit(text[k + 1]) != nil,
              let denominator = ArabicNumberReader.read(text, at: k + 1), denominator.value.isInteger,
              !isSlash(text[denominator.end])  // 2023/5/6 is a date
        else { return nil }
        if whole == nil, let season = yearPair(numerator, denominator) { return season }
        guard let ratio = numerator.value.divided(by: denominator.value) else { return nil }
        return Numeral(start: (whole ?? numerator).start, end: denominator.end, kind: .fraction,
                       value: (whole?.value ?? .zero) + ratio)
    }

    private func isSlash(_ c: UInt32) -> Bool { c == 0x2F || c == 0xFF0F }

    /// 2021/2022 (a crop season or a school year: 2021/2022年榨季, 2022/2023学年) names
    /// two consecutive years, not the ratio 2021 ÷ 2022: a range of years, like 2021-2022年.
    private func yearPair(_ first: NumberBody, _ second: ArabicNumber) -> Numeral? {
        guard first.integerDigits == 4, second.integerDigits == 4, !second.hasFraction,
              first.value >= ExactNumber(1900), first.value <= ExactNumber(2100),
              second.value == first.value + .one
        else { return nil }
        return Numeral(start: first.start, end: second.end, kind: .range, min: first.value, max: second.value,
                       boundKind: .year)
    }

    // MARK: ranges

    /// 3到5, 3至5, 3-5, 3～5, 3%-5%, 6到8万 (the lower end takes the upper
    /// end's magnitude), 6到8千 and 三到五百 (a one-digit lower end takes the upper
    /// end's unit), 3至5个百分点, 2021-2025年.
    private func readRange(from first: Numeral) -> Numeral? {
        guard [.cardinal, .decimal, .percent, .percentagePoint, .year].contains(first.kind), first.qualifier == nil,
              NumeralCharacters.isRangeConnector(text[first.end]), let low = first.value,
              var second = readSingle(at: first.end + 1, allowBareMagnitude: false), var high = second.value,
              second.kind != .range, !(NumeralCharacters.isMinus(text[second.end]) && NumeralCharacters.arabicDigit(text[second.end + 1]) != nil)
        else { return nil }
        var lowValue = low
        if first.magnitude == nil, let magnitude = second.magnitude, ![.percent, .percentagePoint].contains(first.kind),
           let scale = MagnitudeWords.scale(of: magnitude) {
            lowValue = low * scale
        } else if let scale = sharedUnit(first, second) {
            lowValue = low * scale
        } else if first.kind != .percent, second.kind == .percent, counts(inTenths: second) {
            lowValue = low * ExactNumber(10)
        }
        let kinds = (first.kind, second.kind)
        let boundKind: NumeralKind
        switch kinds {
        case (.percent, .percent), (.cardinal, .percent), (.decimal, .percent): boundKind = .percent
        case (.percentagePoint, .percentagePoint), (.cardinal, .percentagePoint), (.decimal, .percentagePoint):
            boundKind = .percentagePoint
        case (.year, _), (_, .year): boundKind = .year
        case (.cardinal, .cardinal), (.cardinal, .decimal), (.decimal, .cardinal), (.decimal, .decimal): boundKind = .cardinal
        default: return nil
        }
        guard lowValue <= high else { return nil }
        if second.qualifier != nil { high = second.value ?? high }
        second.start = first.start
        return Numeral(start: first.start, end: second.end, kind: .range, min: lowValue, max: high,
                       boundKind: boundKind, qualifier: second.qualifier, magnitude: second.magnitude)
    }

    /// Whether a percentage counts tenths (3成, 8折): then the bare lower end of its range
    /// does too (2至3成 is 20 % to 30 %, 7至8折 70 % to 80 %). A 折 of two digits (75折)
    /// is in percent already.
    private func counts(inTenths percent: Numeral) -> Bool {
        switch text[percent.end - 1] {
        case 0x6210: return true  // 成
        case 0x6298: return percent.end - percent.start == 2  // one digit and 折
        default: return false
        }
    }

    /// The unit (十 百 千) of an upper end written as one digit and that unit (8千,
    /// 五百), when the lower end is one digit too: 6到8千 is 6000 to 8000.
    private func sharedUnit(_ first: Numeral, _ second: Numeral) -> ExactNumber? {
        guard first.kind == .cardinal, second.kind == .cardinal, first.end - first.start == 1,
              second.end - second.start == 2 else { return nil }
        let digit = NumeralCharacters.arabicDigit(text[second.start]) != nil
            || { if case .digit? = NumeralCharacters.atom(text[second.start]) { true } else { false } }()
        guard digit, case .small(let power)? = NumeralCharacters.atom(text[second.end - 1]) else { return nil }
        return ExactNumber.tenToThe(power)
    }

    // MARK: qualifiers

    private func attachQualifier(_ numeral: inout Numeral, prefix: QualifierWords.Match?) {
        if numeral.qualifier != nil { return }  // 多 余 几 inside the number decide
        if let prefix {
            numeral.qualifier = prefix.qualifier
            numeral.qualifierSpan = prefix.span
        } else if let suffix = QualifierWords.after(text, at: numeral.end) {
            numeral.qualifier = suffix.qualifier
            numeral.qualifierSpan = suffix.span
        }
    }
}

/// Magnitude words as written in a numeral, back to their scale.
enum MagnitudeWords {
    static func scale(of word: String) -> ExactNumber? {
        var power = 0
        for scalar in word.unicodeScalars {
            guard case .big(let p)? = NumeralCharacters.atom(scalar.value) else { return nil }
            power += p
        }
        return ExactNumber.tenToThe(power)
    }
}
