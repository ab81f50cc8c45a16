import TiquNumerals
import TiquRules

/// One extracted entity, in the terms of ANNOTATION.md plus provenance.
public struct Entity: Sendable, Equatable {
    public var start: Int
    public var end: Int
    public var type: String
    public var value: ExactNumber?
    public var min: ExactNumber?
    public var max: ExactNumber?
    public var unit: String?
    public var qualifier: String?
    /// Any other output attributes a rule sets, in the rule's order.
    public var extra: [Attribute] = []
    /// Index of the producing rule in `RuleSet.rules`.
    public var rule: Int
    public var captures: [Capture] = []

    public struct Attribute: Sendable, Equatable {
        public let key: String
        public let value: String
    }

    public struct Capture: Sendable, Equatable {
        public let name: String
        public let start: Int
        public let end: Int
    }

    public var span: Range<Int> { start..<end }

    /// `rule` of a NUMBER entity: it comes from the numeral layer, not from a rule. Only
    /// `TypeSelection` makes these, for output; the annotator's phases never see them,
    /// so everything that reads a producer for output goes through `provenance(in:)`.
    public static let numeralLayer = -1

    /// Who produced the entity: the rule's id and `source` (rules directory / file :
    /// line), or the numeral layer's for a NUMBER.
    public func provenance(in ruleSet: RuleSet) -> (id: String, source: String) {
        guard rule != Entity.numeralLayer else { return ("numerals", "the numeral layer") }
        let rule = ruleSet.rules[self.rule]
        return (rule.id, "\(ruleSet.source)/\(rule.location.file):\(rule.location.line)")
    }

    /// value, min, max, unit and qualifier where present, in that order: how
    /// every listing (tiqu test, tiqu explain, the HTML page) shows an amount.
    public var amountAttributes: [(key: String, value: String)] {
        ["value", "min", "max", "unit", "qualifier"].compactMap { key in attribute(key).map { (key, $0) } }
    }

    /// The attributes later phases and examples see, as text.
    public func attribute(_ key: String) -> String? {
        switch key {
        case "type": type
        case "value": value?.description
        case "min": min?.description
        case "max": max?.description
        case "unit": unit
        case "qualifier": qualifier
        default: extra.first { $0.key == key }?.value
        }
    }
}

extension Entity {
    /// A NUMBER entity: a numeral of the numeral layer as it stands in the text, with
    /// its value (or range), qualifier, kind and magnitude, and no unit.
    public init(numeral: Numeral) {
        self.init(start: numeral.start, end: numeral.end, type: "NUMBER", rule: Entity.numeralLayer)
        (value, min, max) = (numeral.value, numeral.min, numeral.max)
        qualifier = numeral.qualifier?.rawValue
        extra.append(Attribute(key: "kind", value: numeral.kind.rawValue))
        if let magnitude = numeral.magnitude { extra.append(Attribute(key: "magnitude", value: magnitude)) }
    }
}
