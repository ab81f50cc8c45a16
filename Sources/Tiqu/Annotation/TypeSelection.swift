import Foundation
import TiquNumerals
import TiquRules
import TiquText

/// What `tiqu annotate --types` selects: entity types the rules produce, and NUMBER,
/// the numeral layer itself (every number in the text with its value, whether or not
/// a rule made it part of a QUANTITY or PERCENT).
public struct TypeSelection: Sendable {
    public let types: Set<String>
    public let numbers: Bool

    /// A type that neither the rules nor the numeral layer produce.
    public struct UnknownTypes: Error, CustomStringConvertible {
        public let unknown: [String]
        public let known: [String]
        public var description: String {
            "no entities of type \(unknown.joined(separator: ", ")): the rules produce \(known.joined(separator: ", ")), and NUMBER is the numeral layer"
        }
    }

    /// The types of a comma-separated list (any case), checked against `ruleSet`.
    public init(_ list: String, ruleSet: RuleSet) throws(UnknownTypes) {
        let wanted = Set(list.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).uppercased() }.filter { !$0.isEmpty })
        let known = Set(ruleSet.rules.filter { !$0.veto }.map(\.type))
        let unknown = wanted.subtracting(known).subtracting(["NUMBER"])
        guard unknown.isEmpty else { throw UnknownTypes(unknown: unknown.sorted(), known: known.sorted()) }
        types = wanted.subtracting(["NUMBER"])
        numbers = wanted.contains("NUMBER")
    }

    /// The selected ones of `entities` (the annotator's for `document`), in the
    /// annotator's order (start, end, type).
    public func select(_ entities: [Entity], of document: Document) -> [Entity] {
        var selected = entities.filter { types.contains($0.type) }
        guard numbers else { return selected }
        // The annotator scanned the numerals too but keeps them inside its lattice; a
        // second scan costs a seventh of segmentation, and only when NUMBER is asked for.
        selected += NumeralScanner().scan(document).map(Entity.init(numeral:))
        return selected.sorted { ($0.start, $0.end, $0.type) < ($1.start, $1.end, $1.type) }
    }
}
