/// Words whose numeral characters are not numbers: 统一, 一体化, 进一步,
/// 万众一心, 千方百计, 四川, 入伍, 收拾, 大陆 ...
///
/// The scanner checks these before reading a Chinese numeral and skips the
/// whole word. A word may name characters after which it does not apply:
/// 十分 is "very", but 十分钟 is ten minutes; and characters before which it does
/// not: 三河 is a city, but after a list of rivers (嘎呀河、汪清河、绥芬河三河) it
/// counts them.
enum NonNumeralWords {
    private struct Entry {
        let scalars: [UInt32]
        /// The word does not apply when one of these follows it.
        let unlessFollowedBy: Set<UInt32>
        /// Nor when one of these comes right before it.
        let unlessPrecededBy: Set<UInt32>
    }

    /// Entry text, optionally "<" and the characters before it that cancel it, then
    /// optionally "!" and the characters after it that cancel it.
    private static let source: [String] = [
        // 一 in function words and idioms
        "一切", "壹切", "一看", "一起", "一样", "一般", "一直", "一定", "一旦", "一些", "一致", "一体", "统一", "唯一",
        "万一", "进一步", "一同", "一律", "一概", "一贯", "一向", "一再", "一齐", "一举", "一流", "一手",
        "一方面", "一系列", "一如既往", "一心", "一边", "一道", "一并", "一带一路", "一站式", "一把手", "逐一",
        "之一", "一番", "一下", "一时", "专一", "同一", "单一", "一致性", "一揽子", "一线", "一经", "一味",
        "一度!电", "一身", "一生", "一刀切", "一贯制", "第一书记", "一键", "一网通办", "一窗", "一站", "一门",
        "划一", "一元化", "一二三产业", "一盘棋", "一张图", "一张蓝图", "一批次",
        // idioms made of numerals
        "万众一心", "千方百计", "千家万户", "千差万别", "万无一失", "一五一十", "三令五申", "四面八方",
        "五湖四海", "七上八下", "乱七八糟", "九牛一毛", "十全十美", "千军万马", "千山万水", "千辛万苦",
        "万紫千红", "一心一意", "三心二意", "四通八达", "五颜六色", "一清二楚", "接二连三", "独一无二",
        "千千万万", "成千上万", "千秋万代", "万事万物", "千万不", "千万别", "百花齐放", "百家争鸣",
        "百尺竿头", "千载难逢", "一日千里", "一马当先", "一往无前", "三番五次", "七零八落", "五花八门",
        // words with 十 两 零 万 百 and financial forms
        "十分!钟之", "十足", "十字", "两岸", "两者", "两两", "两手", "两极", "零售", "零星", "零部件",
        "零散", "零件", "零碎", "零钱", "零工", "万物", "万象", "百姓", "百货", "百科", "二人转", "队伍", "入伍",
        "退伍", "伍仁", "收拾", "拾取", "拾起", "拾到", "拾遗", "朝花夕拾", "放肆", "肆意", "肆无忌惮",
        "肆虐", "大陆", "陆地", "登陆", "海陆", "陆续", "着陆", "内陆", "陆军", "陆路", "陆上", "陆域",
        "半岛", "半导体", "半径", "多半",
        // place names made of numerals
        "四川", "三亚", "三明", "三门峡", "三沙", "六盘水", "六安", "九江", "九寨沟", "九龙", "七台河",
        "十堰", "万州", "万宁", "百色", "五指山", "二连浩特", "八达岭", "千岛湖", "九华山",
        "万盛", "三河<河", "三江<江", "四平!方", "五常", "五家渠", "十三陵", "九寨", "八一",
    ]

    /// Entries indexed by each numeral character they contain, with its offset.
    private static let index: [UInt32: [(entry: Entry, offset: Int)]] = {
        var table: [UInt32: [(entry: Entry, offset: Int)]] = [:]
        for line in source {
            let parts = line.split(separator: "!", maxSplits: 1)
            let word = parts[0].split(separator: "<", maxSplits: 1)
            let entry = Entry(scalars: word[0].unicodeScalars.map(\.value),
                              unlessFollowedBy: Set((parts.count > 1 ? parts[1] : "").unicodeScalars.map(\.value)),
                              unlessPrecededBy: Set((word.count > 1 ? word[1] : "").unicodeScalars.map(\.value)))
            for (offset, c) in entry.scalars.enumerated() where NumeralCharacters.atom(c) != nil {
                table[c, default: []].append((entry, offset))
            }
        }
        // Longer words first, so 一致性 wins over 一致.
        return table.mapValues { $0.sorted { $0.entry.scalars.count > $1.entry.scalars.count } }
    }()

    /// If a non-numeral word covers position `i`, the index just past it.
    static func match(_ text: CodePoints, at i: Int) -> Int? {
        guard let candidates = index[text[i]] else { return nil }
        for (entry, offset) in candidates {
            let start = i - offset
            guard start >= 0 else { continue }
            let end = start + entry.scalars.count
            guard end <= text.count, entry.scalars.indices.allSatisfy({ text[start + $0] == entry.scalars[$0] }),
                  !entry.unlessFollowedBy.contains(text[end]), !entry.unlessPrecededBy.contains(text[start - 1])
            else { continue }
            return end
        }
        return nil
    }
}
