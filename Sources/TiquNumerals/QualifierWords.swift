/// Words right next to a number that bound its value (ANNOTATION.md):
/// 约 近 超过 逾 不到 ... before it, 左右 以上 以内 ... after it. They stay
/// outside the numeral's span and are reported with their own span.
enum QualifierWords {
    struct Match {
        let qualifier: Qualifier
        let span: Range<Int>
        /// 超万吨, 逾千人: after these a bare magnitude is an amount of one.
        let allowsBareMagnitude: Bool
    }

    /// Longest first, so 不超过 wins over 超过 and 超.
    private static let before: [([UInt32], Qualifier)] = scalars([
        ("大于等于", .ge), ("小于等于", .le), ("不超过", .le), ("不低于", .ge), ("不少于", .ge), ("不高于", .le),
        ("不大于", .le), ("不小于", .ge), ("大于", .gt), ("小于", .lt), ("≥", .ge), ("≤", .le), ("大约", .approx), ("将近", .approx),
        ("接近", .approx), ("超过", .gt), ("突破", .gt), ("高于", .gt), ("多于", .gt), ("至少", .ge),
        ("最多", .le), ("不足", .lt), ("不到", .lt), ("低于", .lt), ("少于", .lt), ("约", .approx),
        ("近", .approx), ("超", .gt), ("逾", .gt),
    ])

    /// Words whose last character is a one-character qualifier but which qualify
    /// nothing: 新签约亿元以上项目 is not "about", 最近3年 not "nearly".
    private static let endingInQualifier: Set<[UInt32]> = Set(scalars([
        ("签约", .approx), ("节约", .approx), ("制约", .approx), ("预约", .approx), ("特约", .approx),
        ("邀约", .approx), ("违约", .approx), ("履约", .approx), ("集约", .approx), ("简约", .approx),
        ("契约", .approx), ("公约", .approx), ("条约", .approx), ("相约", .approx), ("附近", .approx),
        ("最近", .approx), ("临近", .approx), ("靠近", .approx), ("就近", .approx), ("赶超", .gt),
    ]).map(\.0))

    private static let after: [([UInt32], Qualifier)] = scalars([
        ("左右", .approx), ("上下", .approx), ("以上", .ge), ("以下", .le), ("以内", .le),
    ])

    private static func scalars(_ words: [(String, Qualifier)]) -> [([UInt32], Qualifier)] {
        words.map { ($0.0.unicodeScalars.map(\.value), $0.1) }
    }

    static func before(_ text: CodePoints, at i: Int) -> Match? {
        for (word, qualifier) in before where word.last == text[i - 1] {
            let length = word.count
            guard i - length >= 0, text.has(word, at: i - length) else { continue }
            if length == 1, i >= 2, endingInQualifier.contains([text[i - 2], text[i - 1]]) { return nil }
            return Match(qualifier: qualifier, span: (i - length)..<i, allowsBareMagnitude: true)
        }
        return nil
    }

    static func after(_ text: CodePoints, at i: Int) -> Match? {
        for (word, qualifier) in after where word[0] == text[i] && text.has(word, at: i) {
            return Match(qualifier: qualifier, span: i..<(i + word.count), allowsBareMagnitude: false)
        }
        return nil
    }
}
