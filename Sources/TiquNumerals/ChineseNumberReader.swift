/// The number part of a numeral, before its context (%, 分之, 成, 年 ...).
struct NumberBody {
    var start: Int
    var end: Int
    var value: ExactNumber
    /// Any of 十 百 千 万 亿 was read (or an Arabic number was mixed with them).
    var hasUnits = false
    /// A digit was read (Arabic or Chinese): 万 alone has none.
    var hasDigit = false
    var isDecimal = false
    /// Read digit by digit: 二〇二三, 一二点三.
    var isDigitString = false
    /// Arabic digits only, and how many before the point (years are 4).
    var arabicOnly = false
    var integerDigits = 0
    /// The trailing magnitude words (万, 亿, 万亿) as written.
    var magnitude: String?
    /// 多 余 几 (gt) or 来 (approx) inside the number.
    var filler: Qualifier?
}

/// Reads positional Chinese numbers, mixed with Arabic digits where usual:
/// 一百五十二, 两千六 (= 2600: an omitted last unit), 四万万, 2.6万亿, 3万4000,
/// 一千零十二, 三十余万, 二〇二三, 零点五.
///
/// It consumes as long as the characters still form one number and stops at
/// the first that cannot continue it, so "十四五" reads 十四 and leaves 五.
struct ChineseNumberReader {
    private let text: CodePoints
    private var i: Int
    private let start: Int

    private var total = ExactNumber.zero      // parts closed by 万/亿
    private var section = ExactNumber.zero    // the part below the next 万/亿
    private var pending: ExactNumber?         // the last digit or Arabic number
    private var pendingIsChineseDigit = false
    private var lastSmall = 4                 // units fall within a section: 千 > 百 > 十
    private var lastBig = 0
    private var lastUnit = 0                  // power of ten of the most recent unit
    private var afterZero = false
    private var afterFiller = false
    private var sawSmall = false
    private var bigChain = 0
    private var digitRun = ""                 // digits with no unit yet (digit-string reading); a small String stays inline
    private var body: NumberBody

    private init(_ text: CodePoints, at start: Int) {
        self.text = text
        self.i = start
        self.start = start
        body = NumberBody(start: start, end: start, value: .zero)
    }

    /// Reads the longest number at `start`, or nil when none starts there.
    /// `allowBareMagnitude` accepts 万 or 千亿 with no digit (after 超, 逾 ...).
    static func read(_ text: CodePoints, at start: Int, allowBareMagnitude: Bool = false) -> NumberBody? {
        var reader = ChineseNumberReader(text, at: start)
        return reader.run(allowBareMagnitude: allowBareMagnitude)
    }

    private mutating func run(allowBareMagnitude: Bool) -> NumberBody? {
        var arabicSeen = false, chineseSeen = false
        while true {
            let resume = atomStart()
            if let arabic = arabicAt(resume) {
                guard pending == nil, !afterFiller, digitRun.isEmpty else { break }
                pending = arabic.value
                pendingIsChineseDigit = false
                body.isDecimal = body.isDecimal || arabic.hasFraction
                body.integerDigits = arabic.integerDigits
                body.hasDigit = true
                arabicSeen = true
                i = arabic.end
                body.end = i
                continue
            }
            guard let atom = NumeralCharacters.atom(text[resume]), accept(atom, at: resume) else { break }
            chineseSeen = true
            if atom == .point { break }  // acceptPoint read the fraction and set the end
            i = resume + 1
            body.end = i
        }
        guard body.end > start else { return nil }
        guard body.hasDigit || allowBareMagnitude || bareUnitIsNumber() else { return nil }
        close()
        body.arabicOnly = arabicSeen && !chineseSeen
        return body
    }

    /// Where the next atom starts: spaces are allowed between the parts of a
    /// number already begun ("7 万5 千", "1000  万") but never lead into an
    /// Arabic number after a complete one ("1, 234" is two numbers).
    private func atomStart() -> Int {
        guard i > start else { return i }
        let k = text.skipSpaces(from: i)
        guard k > i else { return i }
        if NumeralCharacters.atom(text[k]) != nil { return k }
        // "7万 5千": an Arabic number may follow a unit after a space.
        let afterUnit = pending == nil && body.hasUnits && !afterFiller
        return afterUnit && NumeralCharacters.arabicDigit(text[k]) != nil ? k : i
    }

    private func arabicAt(_ k: Int) -> ArabicNumber? {
        guard NumeralCharacters.arabicDigit(text[k]) != nil
                || (k == start && NumeralCharacters.isDecimalPoint(text[k]) && NumeralCharacters.arabicDigit(text[k + 1]) != nil)
        else { return nil }
        return ArabicNumberReader.read(text, at: k)
    }

    /// Takes one Chinese atom into the number, or refuses it.
    private mutating func accept(_ atom: Atom, at k: Int) -> Bool {
        switch atom {
        case .digit(let d): return acceptDigit(d, isLiang: NumeralCharacters.isLiang(text[k]))
        case .zero: return acceptZero()
        case .small(let power): return acceptSmall(power, at: k)
        case .tens(let value): return acceptTens(value)
        case .big(let power): return acceptBig(power, at: k)
        case .point: return acceptPoint(at: k)
        case .filler(let q): return acceptFiller(q, at: k)
        }
    }

    private mutating func acceptDigit(_ d: Int, isLiang: Bool) -> Bool {
        guard !afterFiller else { return false }
        if pending != nil {
            // Two digits in a row only continue a digit string (二〇二三), in which 两 never
            // stands: 平陆两县 is 陆 (of 平陆) and 两, not 62.
            guard !body.hasUnits, !digitRun.isEmpty, pendingIsChineseDigit, !isLiang else { return false }
            digitRun.append(Character(Unicode.Scalar(UInt8(48 + d))))
            return true
        }
        pending = ExactNumber(d)
        pendingIsChineseDigit = true
        body.hasDigit = true
        if !body.hasUnits { digitRun.append(Character(Unicode.Scalar(UInt8(48 + d)))) }
        return true
    }

    private mutating func acceptZero() -> Bool {
        guard !afterFiller else { return false }
        if !body.hasUnits {
            guard pending == nil || (pendingIsChineseDigit && !digitRun.isEmpty) else { return false }
            if pending == nil { pending = .zero; pendingIsChineseDigit = true }
            digitRun.append("0")
            body.hasDigit = true
            return true
        }
        guard pending == nil else { return false }
        afterZero = true
        return true
    }

    private mutating func acceptSmall(_ power: Int, at k: Int) -> Bool {
        guard !afterFiller, digitRun.count <= 1, power < lastSmall, !NumeralCharacters.isUnitPrefix(text, at: k) else { return false }
        // 十 with no digit before it is 10 (十五, 一百十一); so is 零十 in 一千零十二.
        let bareAllowed = i == start || afterZero || (power == 1 && pending == nil)
        let leadingZero = pending == .zero && pendingIsChineseDigit && section == .zero && total == .zero
        guard let multiplier = leadingZero ? .one : pending ?? (bareAllowed ? .one : nil) else { return false }
        if power == 1 { body.hasDigit = true }  // 十 alone is a whole number; 百 and 千 alone are not
        section = section + multiplier * ExactNumber.tenToThe(power)
        markUnit(power, small: true)
        return true
    }

    private mutating func acceptTens(_ value: Int) -> Bool {
        guard !afterFiller, pending == nil, lastSmall > 1 else { return false }
        section = section + ExactNumber(value)
        body.hasDigit = true
        markUnit(1, small: true)
        return true
    }

    private mutating func acceptBig(_ power: Int, at k: Int) -> Bool {
        guard digitRun.count <= 1 || body.hasUnits, !NumeralCharacters.isUnitPrefix(text, at: k) else { return false }
        // The omitted unit applies within a section (百二萬 = 1200000), not
        // across magnitudes (亿四万 is 4万, not 4千万).
        let head = section + closedPending(allowOmittedUnit: lastUnit < 4)
        let scale = ExactNumber.tenToThe(power)
        let previousWasBig = lastUnit >= 4 && section == .zero && pending == nil && i > start
        // Real numbers chain at most two magnitude words (万亿, 四万万); a long run of
        // them (万万万万 ...) would build an enormous number, one multiplication each.
        bigChain = previousWasBig ? bigChain + 1 : 1
        guard bigChain <= 3 else { return false }
        if head == .zero && pending == nil && !body.hasDigit && total == .zero {
            total = scale  // bare 万 (only kept when the caller allows it)
        } else if head == .zero {
            guard total != .zero else { return false }
            total = total * scale  // 万亿, 四万万
        } else if power > lastBig {
            total = (total + head) * scale
        } else {
            total = total + head * scale
        }
        let word = String(Unicode.Scalar(text[k])!)
        body.magnitude = previousWasBig ? (body.magnitude ?? "") + word : word
        section = .zero
        pending = nil
        lastBig = max(lastBig, power)
        markUnit(power, small: false)
        lastSmall = 4
        return true
    }

    /// 点 followed by digits: the fraction is read here, then any 万/亿 after it.
    private mutating func acceptPoint(at k: Int) -> Bool {
        guard !afterFiller, pending != nil || section != .zero || total != .zero else { return false }
        var j = text.skipSpaces(from: k + 1)
        var digits = ""
        while true {
            // 两 never follows a decimal point: 一点两小时 is 一 and 两.
            if NumeralCharacters.isLiang(text[j]) { break }
            if case .digit(let d)? = NumeralCharacters.atom(text[j]) { digits.append(String(d)) }
            else if NumeralCharacters.atom(text[j]) == .zero { digits.append("0") }
            else if let d = NumeralCharacters.arabicDigit(text[j]) { digits.append(String(d)) }
            else { break }
            j += 1
        }
        guard !digits.isEmpty, let fraction = ExactNumber(decimal: Substring("0." + digits)) else { return false }
        body.hasDigit = true
        let integer = digitRun.count > 1 ? digitRunValue() : total + section + closedPending()
        var value = integer + fraction
        while case .big(let power)? = NumeralCharacters.atom(text[j]), !NumeralCharacters.isUnitPrefix(text, at: j) {
            value = value * ExactNumber.tenToThe(power)
            body.magnitude = (body.magnitude ?? "") + String(Unicode.Scalar(text[j])!)
            j += 1
        }
        body.end = j
        total = value
        section = .zero
        pending = nil
        digitRun = ""
        body.isDecimal = true
        return true
    }

    /// 多 余 几 after a number or unit (500多, 三十余万, 一百零几万); 来 only after a unit.
    private mutating func acceptFiller(_ q: Qualifier, at k: Int) -> Bool {
        guard !afterFiller, body.hasDigit || body.hasUnits else { return false }
        if q == .approx && (pending != nil || lastUnit == 0) { return false }
        // 几 also stands where a digit would (一百零几万): it adds nothing.
        if pending != nil { section = section + closedPending(allowOmittedUnit: false) }
        guard digitRun.count <= 1 else { return false }
        afterFiller = true
        body.filler = q
        return true
    }

    private mutating func markUnit(_ power: Int, small: Bool) {
        pending = nil
        if small { lastSmall = power; sawSmall = true }
        lastUnit = power
        afterZero = false
        digitRun = ""
        body.hasUnits = true
    }

    /// The pending digit's value, applying the omitted last unit (一万三 = 13000,
    /// 两千六 = 2600) when a single Chinese digit follows a unit with no 零.
    private mutating func closedPending(allowOmittedUnit: Bool = true) -> ExactNumber {
        guard let p = pending else { return .zero }
        pending = nil
        if allowOmittedUnit, pendingIsChineseDigit, lastUnit >= 1, !afterZero, digitRun.isEmpty {
            return p * ExactNumber.tenToThe(lastUnit - 1)
        }
        return p
    }

    private mutating func close() {
        if digitRun.count > 1, !body.hasUnits, !body.isDecimal {
            body.isDigitString = true
            body.value = digitRunValue()
            return
        }
        body.value = total + section + closedPending()
    }

    private func digitRunValue() -> ExactNumber {
        ExactNumber(decimal: Substring(digitRun)) ?? .zero
    }

    /// 百 and 千 alone are numbers only before a magnitude (百万, 千亿) or 余; 万 or
    /// 亿 alone never (only after 超, 逾 ...: the caller decides), but 万余 is.
    private func bareUnitIsNumber() -> Bool { sawSmall && lastBig > 0 || isUnitAndYu() }

    /// 百余, 千余, 万余 (百余家, 万余户): a lone unit with 余 is "more than" that unit, as
    /// annotators read it; with 多 or 几 that reading is too rare to risk (百多年).
    private func isUnitAndYu() -> Bool {
        body.end == start + 2 && text[start + 1] == 0x4F59 /* 余, read as the filler */
            && [0x767E, 0x5343, 0x4E07].contains(text[start])   // 百 千 万
    }
}
