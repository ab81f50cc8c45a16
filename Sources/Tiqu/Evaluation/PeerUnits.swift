/// How the peer suites name units, and how the units Tiqu keeps as written
/// convert to them.
///
/// ANNOTATION.md keeps a unit as written (3斤 is 3 斤); Duckling normalises
/// masses to grams (3斤 is 1500 Gram) and Recognizers-Text names units in English
/// (20万公斤 is 200000 Kilogram). Converting belongs to the scorer, not to the
/// data or the rules, so the table lives here. A unit is a measure: what it
/// measures and how many of that measure's base unit it is. Currencies do not
/// convert into each other; a Celsius, a Fahrenheit and an unspecified degree
/// are three measures, since the peers keep them apart.
enum PeerUnits {
    struct Measure: Hashable, Sendable {
        let dimension: String
        let base: Double
    }

    /// The peers' unit names: Duckling's constructors, Recognizers-Text's
    /// `Resolution.unit`, cn2an's 元. Duckling's ZH `Dollar` is an amount in 元,
    /// 块 or 蚊 with no currency named (duckling-zh/README.md).
    static let peer = Dictionary(uniqueKeysWithValues: measures([
        "mass": [("Gram", 1), ("Kilogram", 1000), ("Microgram", 1e-6), ("Ton", 1e6), ("Jin", 500), ("Liang", 50)],
        "length": [("Centimetre", 0.01), ("Centimeter", 0.01), ("Metre", 1), ("Meter", 1), ("Kilometre", 1000),
            ("Kilometer", 1000), ("Foot", 0.3048), ("Inch", 0.0254), ("Mile", 1609.344)],
        "volume": [("Litre", 1), ("Millilitre", 0.001), ("Gallon", 3.785411784)],
        "time": [("Second", 1), ("Minute", 60), ("Hour", 3600), ("Day", 86400), ("Week", 604800)],
        "calendar": [("Month", 1), ("Year", 12)],
        "money:CNY": [("Cent", 0.01), ("Dollar", 1), ("CNY", 1), ("Chinese yuan", 1), ("元", 1)],
        "money:USD": [("United States dollar", 1)],
        "money:HKD": [("HKD", 1), ("Hong Kong dollar", 1)],
        "money:EUR": [("Euro", 1)],
        "money:JPY": [("Japanese yen", 1)],
        "money:CHF": [("Swiss franc", 1)],
        "money:TWD": [("New Taiwan dollar", 1)],
        "money:NGN": [("Nigerian naira", 1)],
        "money:BTC": [("Bitcoin", 1)],
        "temperature:C": [("Celsius", 1), ("C", 1)],
        "temperature:F": [("Fahrenheit", 1), ("F", 1)],
        "temperature:degree": [("Degree", 1)],
        "data": [("Bit", 1), ("Kilobit", 1000), ("Kilobyte", 8000), ("Megabyte", 8e6)],
        "frequency": [("Hertz", 1), ("Megahertz", 1e6)],
        "power": [("Kilowatt", 1000)],
        "heat": [("Kilocalorie", 1)],
        "area:mu": [("Mu", 1)],
    ]))

    /// Units as Tiqu writes them (the `unit` of a QUANTITY) and the measures each
    /// can be: 分 is a minute or a cent.
    static let written = Dictionary(grouping: measures([
        "mass": [("克", 1), ("公克", 1), ("g", 1), ("公斤", 1000), ("千克", 1000), ("kg", 1000), ("KG", 1000),
            ("㎏", 1000), ("毫克", 0.001), ("mg", 0.001), ("微克", 1e-6), ("吨", 1e6), ("t", 1e6),
            ("斤", 500), ("市斤", 500), ("两", 50), ("兩", 50)],
        "length": [("厘米", 0.01), ("公分", 0.01), ("cm", 0.01), ("CM", 0.01), ("毫米", 0.001), ("mm", 0.001), ("米", 1),
            ("公尺", 1), ("m", 1), ("公里", 1000), ("公裏", 1000), ("千米", 1000), ("km", 1000),
            ("KM", 1000), ("Km", 1000), ("㎞", 1000), ("英尺", 0.3048), ("呎", 0.3048), ("ft", 0.3048),
            ("英寸", 0.0254), ("英吋", 0.0254), ("吋", 0.0254), ("\"", 0.0254), ("英里", 1609.344), ("英裏", 1609.344),
            ("哩", 1609.344)],
        "volume": [("升", 1), ("公升", 1), ("L", 1), ("l", 1), ("毫升", 0.001), ("ml", 0.001), ("mL", 0.001), ("cc", 0.001),
            ("加仑", 3.785411784), ("加侖", 3.785411784)],
        "time": [("秒", 1), ("秒钟", 1), ("秒鐘", 1), ("分钟", 60), ("分鐘", 60), ("分", 60), ("小时", 3600),
            ("小時", 3600), ("个小时", 3600), ("h", 3600), ("钟头", 3600), ("鐘頭", 3600), ("天", 86400),
            ("日", 86400), ("周", 604800), ("星期", 604800), ("个星期", 604800), ("礼拜", 604800)],
        "calendar": [("个月", 1), ("月", 1), ("年", 12), ("岁", 12), ("歲", 12), ("周岁", 12)],
        "money:CNY": [("元", 1), ("块", 1), ("块钱", 1), ("蚊", 1), ("角", 0.1), ("毛", 0.1), ("分", 0.01),
            ("人民币", 1), ("人民幣", 1)],
        "money:USD": [("美元", 1), ("美金", 1), ("美圆", 1), ("美分", 0.01)],
        "money:HKD": [("港元", 1), ("港币", 1), ("港幣", 1)],
        "money:EUR": [("欧元", 1)],
        "money:JPY": [("日元", 1)],
        "money:TWD": [("新台币", 1), ("台币", 1)],
        "money:CHF": [("瑞士法郎", 1)],
        "money:NGN": [("奈拉", 1)],
        "money:BTC": [("比特币", 1)],
        "data": [("比特", 1), ("千比特", 1000), ("字节", 8), ("千字节", 8000), ("兆字节", 8e6)],
        "temperature:C": [("摄氏度", 1), ("攝氏度", 1), ("℃", 1), ("°C", 1)],
        "temperature:F": [("华氏度", 1), ("華氏度", 1), ("℉", 1), ("°F", 1)],
        "temperature:degree": [("度", 1), ("°", 1)],
        "power": [("瓦", 1), ("千瓦", 1000), ("kW", 1000), ("KW", 1000), ("kw", 1000), ("兆瓦", 1e6), ("MW", 1e6)],
        "area:mu": [("亩", 1)],
    ]), by: \.name).mapValues { $0.map(\.measure) }

    /// Each unit of each dimension with its measure.
    private static func measures(_ groups: KeyValuePairs<String, [(String, Double)]>) -> [(name: String, measure: Measure)] {
        groups.flatMap { dimension, units in units.map { ($0.0, Measure(dimension: dimension, base: $0.1)) } }
    }

    /// The dimension of a peer unit, nil for a unit this table does not know.
    static func dimension(ofPeer name: String) -> String? { peer[name]?.dimension }

    /// The dimensions a written unit can measure.
    static func dimensions(ofWritten unit: String) -> Set<String> {
        Set((written[unit] ?? []).map(\.dimension))
    }

    /// `amount`, in written unit `unit`, expressed in peer unit `name`: one figure
    /// per reading of the written unit that measures what `name` measures.
    static func convert(_ amount: Double, from unit: String, to name: String) -> [Double] {
        guard let target = peer[name] else { return [] }
        return (written[unit] ?? []).filter { $0.dimension == target.dimension }.map { amount * $0.base / target.base }
    }
}
