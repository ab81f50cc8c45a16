/// What a numeral expression is, so that later rules can keep or exclude it.
public enum NumeralKind: String, Sendable, CaseIterable {
    /// A whole number: 248, 一百五十二, 3万4000.
    case cardinal
    /// A number with a fractional part: 16.85, 二点五.
    case decimal
    /// 三分之一, 3又1/2, ３／５ (value as a plain number: 0.333...).
    case fraction
    /// 3.4%, 百分之十, 三成, 九折 (value in percent).
    case percent
    /// 千分之三, 3‰ (value in percent: 千分之三 -> 0.3).
    case permille
    /// 万分之三 and smaller parts (value in percent).
    case permyriad
    /// 2.21个百分点 (value in percentage points).
    case percentagePoint = "percentage_point"
    /// 第二届, 第3 (the ordinal's number).
    case ordinal
    /// 2022年, 二〇二三年 (the year's number).
    case year
    /// The month or day of a date: 1月6日 gives two `date` numerals.
    case date
    /// 3到5, 3%-5%, 三四十万: `min` and `max` instead of `value`.
    case range
}

/// How the words next to a number bound its value (ANNOTATION.md's qualifiers).
public enum Qualifier: String, Sendable, CaseIterable {
    case exact, approx, gt, ge, lt, le
}

/// One numeral expression found in running text.
public struct Numeral: Sendable, Equatable {
    /// Half-open code-point span of the numeral itself (多 余 几 inside it
    /// belong to it; 约 左右 以上 around it do not: see `qualifierSpan`).
    public var start: Int
    public var end: Int
    public var kind: NumeralKind
    /// nil only for ranges.
    public var value: ExactNumber?
    public var min: ExactNumber?
    public var max: ExactNumber?
    /// For a range, the kind of its bounds (percent for 3%-5%).
    public var boundKind: NumeralKind?
    public var qualifier: Qualifier?
    /// Where the qualifier word is, when it is outside the numeral's span.
    public var qualifierSpan: Range<Int>?
    /// The magnitude words that end the number (万, 亿, 万亿), if any: rules
    /// use it to tell 35万 (a quantity) from a bare 35.
    public var magnitude: String?

    public init(start: Int, end: Int, kind: NumeralKind, value: ExactNumber? = nil,
                min: ExactNumber? = nil, max: ExactNumber? = nil, boundKind: NumeralKind? = nil,
                qualifier: Qualifier? = nil, qualifierSpan: Range<Int>? = nil, magnitude: String? = nil) {
        self.start = start
        self.end = end
        self.kind = kind
        self.value = value
        self.min = min
        self.max = max
        self.boundKind = boundKind
        self.qualifier = qualifier
        self.qualifierSpan = qualifierSpan
        self.magnitude = magnitude
    }

    public var span: Range<Int> { start..<end }
}
