import TiquICU
import TiquNumerals

/// Which items of the lattice an edge element stands for.
public enum EdgeLayer: Sendable, Hashable, CustomStringConvertible {
    /// ICU word tokens.
    case token
    /// The numeral layer's numerals.
    case number
    /// Hits of the lexicon with this index in `RuleSet.lexicons`.
    case lexicon(Int)
    /// Entities of this type from earlier phases.
    case entity(String)
    /// Every occurrence of the name of an earlier phase's entity of this type: its text,
    /// or with a lexicon `strip`, its text without a final entry of it (龙脊镇 gives
    /// 龙脊), for later mentions that drop the suffix.
    case echo(type: String, strip: Int?)

    public var description: String {
        switch self {
        case .token: "@token"
        case .number: "@number"
        case .lexicon(let index): "@lex(#\(index))"
        case .entity(let type): "@\(type)"
        case .echo(let type, let strip): strip.map { "@echo(\(type), #\($0))" } ?? "@echo(\(type))"
        }
    }
}

/// One condition on an item's attributes, without its source location (so
/// that equal predicates written in different places share one id).
public struct Condition: Sendable, Hashable {
    public let key: String
    public let test: AttributeConstraint.Test

    /// `lookup` gives an item's attribute by key (nil when it has none).
    public func accepts(_ lookup: (String) -> String?) -> Bool { test.accepts(lookup(key)) }
}

/// An edge element's meaning: a layer and conditions on the item's attributes.
/// The lattice builder evaluates each predicate once per item, so the matcher
/// only ever compares integer ids.
public struct EdgePredicate: Sendable, Hashable {
    public let layer: EdgeLayer
    public let conditions: [Condition]
}

/// The attributes each layer's items have, checked when rules load so that a
/// misspelt attribute is an error then, never a silent non-match later.
enum LayerAttributes {
    static let number: Set<String> = ["kind", "qualifier", "magnitude", "bound_kind", "value", "min", "max", "text"]
    static let token: Set<String> = ["kind", "text"]
    static let entity: Set<String> = ["type", "text", "value", "min", "max", "unit", "qualifier", "rule"]

    /// Closed value sets, to reject @number(kind=cardnal) at load time.
    static func allowedValues(layer: EdgeLayer, key: String) -> Set<String>? {
        switch (layer, key) {
        case (.number, "kind"), (.number, "bound_kind"): Set(NumeralKind.allCases.map(\.rawValue))
        case (.number, "qualifier"), (.entity, "qualifier"): Set(Qualifier.allCases.map(\.rawValue))
        case (.token, "kind"): Set(TokenKind.allCases.map(\.rawValue))
        default: nil
        }
    }
}

/// Hands out one id per distinct predicate.
struct PredicateTable {
    private(set) var predicates: [EdgePredicate] = []
    private var ids: [EdgePredicate: Int] = [:]

    mutating func id(for predicate: EdgePredicate) -> Int {
        if let id = ids[predicate] { return id }
        predicates.append(predicate)
        ids[predicate] = predicates.count - 1
        return predicates.count - 1
    }
}
