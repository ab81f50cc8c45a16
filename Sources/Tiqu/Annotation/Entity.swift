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
