import TiquNumerals
import TiquRules
import TiquText

/// Runs every rule's inline examples and counter-examples (`tiqu test`), as
/// Duckling runs its corpus: the rules' own examples are the test suite.
///
/// - `example "text" -> "entity" key=value ...`: after the whole rule set has
///   run on the text, an entity of the rule's type with that text and those
///   attributes exists (with no `->`, the whole text is one such entity).
/// - Every rule has at least one example, and at least one of its examples
///   is produced by the rule itself (so a rule that never fires is caught).
/// - `counter "text"`: the rule has no candidate anywhere in the text.
/// - A veto rule's example names the span it claims; no entity of its type
///   may remain overlapping that span.
public struct ExampleRunner {
    public struct Failure: Sendable, CustomStringConvertible {
        public let location: SourceLocation
        public let rule: String
        public let message: String
        public var description: String { "\(location): \(rule): \(message)" }
    }

    public struct Report: Sendable {
        public var checked = 0
        public var failures: [Failure] = []
        public var passed: Int { checked - failures.count }
    }

    let annotator: Annotator

    public init(annotator: Annotator) {
        self.annotator = annotator
    }

    public func run() -> Report {
        var report = Report()
        for index in annotator.ruleSet.rules.indices {
            check(rule: index, into: &report)
        }
        return report
    }

    private func check(rule index: Int, into report: inout Report) {
        let rule = annotator.ruleSet.rules[index]
        var producedItself = false
        if rule.examples.isEmpty {
            report.checked += 1
            report.failures.append(Failure(location: rule.location, rule: rule.id, message: "has no example: add example \"...\" -> \"...\""))
        }
        for example in rule.examples {
            report.checked += 1
            let document = Document(name: "example", text: example.text)
            guard let traces = trace(document, at: example.location, of: rule, into: &report) else { continue }
            let entities = traces.flatMap(\.accepted)
            let expected = example.expected.isEmpty ? [(example.text, [String: String]())] : example.expected
            var problems: [String] = []
            for (text, attributes) in expected {
                // This rule's own entity if it produced one (two rules may produce the same span).
                let matching = entities.filter { matches($0, rule.type, text, attributes, document) }
                if let found = matching.first(where: { $0.rule == index }) ?? matching.first {
                    producedItself = producedItself || found.rule == index
                    if rule.veto, let kept = entities.first(where: { $0.type == rule.type && !isVeto($0) && $0.span.overlaps(found.span) }) {
                        problems.append("veto \"\(text)\" should leave no \(rule.type) there, but \(describe(kept, document)) remains")
                    }
                } else {
                    problems.append("expected \(rule.type) \"\(text)\"\(describe(attributes))")
                }
            }
            if !problems.isEmpty {
                let actual = entities.filter { $0.type == rule.type }.map { describe($0, document) }
                report.failures.append(Failure(location: example.location, rule: rule.id, message: "example \"\(example.text)\": "
                    + problems.joined(separator: "; ") + "\n    actual: " + (actual.isEmpty ? "no \(rule.type)" : actual.joined(separator: "; "))))
            }
        }
        if !rule.examples.isEmpty {
            report.checked += 1   // the rule produces one of its own examples
            if !producedItself {
                report.failures.append(Failure(location: rule.location, rule: rule.id,
                                               message: "produced none of its own examples (other rules or the conflict policy took them)"))
            }
        }
        for counter in rule.counters {
            report.checked += 1
            let document = Document(name: "counter", text: counter.text)
            guard let traces = trace(document, at: counter.location, of: rule, into: &report) else { continue }
            let candidates = traces.flatMap(\.candidates).filter { $0.rule == index }
            if !candidates.isEmpty {
                report.failures.append(Failure(location: counter.location, rule: rule.id, message: "counter \"\(counter.text)\" matched: "
                    + candidates.map { describe($0, document) }.joined(separator: "; ")))
            }
        }
    }

    /// The phases' traces on an example's or counter's text; nil, with a failure
    /// reported, if it cannot be annotated (a check that cannot run does not pass).
    private func trace(_ document: Document, at location: SourceLocation, of rule: CompiledRule,
                       into report: inout Report) -> [Annotator.PhaseTrace]? {
        do {
            return try annotator.trace(document)
        } catch {
            report.failures.append(Failure(location: location, rule: rule.id, message: "\"\(document.text)\" could not be annotated: \(error)"))
            return nil
        }
    }

    private func isVeto(_ entity: Entity) -> Bool { annotator.ruleSet.rules[entity.rule].veto }

    private func matches(_ entity: Entity, _ type: String, _ text: String, _ attributes: [String: String], _ document: Document) -> Bool {
        guard entity.type == type, document.slice(entity.start, entity.end) == text else { return false }
        return attributes.allSatisfy { key, expected in
            let actual = key == "rule" ? annotator.ruleSet.rules[entity.rule].id : entity.attribute(key)
            if ["value", "min", "max"].contains(key), let a = actual.flatMap({ ExactNumber(decimal: Substring($0.trimmingPrefix("-"))) }),
               let b = ExactNumber(decimal: Substring(expected.trimmingPrefix("-"))) {
                return a == b && actual!.hasPrefix("-") == expected.hasPrefix("-")
            }
            return actual == expected
        }
    }

    private func describe(_ attributes: [String: String]) -> String {
        attributes.keys.sorted().map { " \($0)=\(attributes[$0]!)" }.joined()
    }

    func describe(_ entity: Entity, _ document: Document) -> String {
        var text = "\"\(document.slice(entity.start, entity.end))\""
        for (key, value) in entity.amountAttributes { text += " \(key)=\(value)" }
        return text + " (\(annotator.ruleSet.rules[entity.rule].id))"
    }
}
