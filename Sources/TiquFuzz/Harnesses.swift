import Tiqu
import TiquRules

/// Fuzz harnesses: each takes arbitrary bytes, runs one layer, and checks the
/// invariants that must hold for any input (not just "no crash"). A violated
/// invariant traps, which libFuzzer reports as a crash with the input saved.
enum Harness: String, CaseIterable {
    case numerals, rules, annotate

    func run(_ bytes: [UInt8]) {
        let text = String(decoding: bytes, as: UTF8.self)
        switch self {
        case .numerals: Self.numerals(text)
        case .rules: Self.rules(text)
        case .annotate: Self.annotate(text)
        }
    }

    /// Spans inside the text, in order, not overlapping; values finite; the same
    /// result on a second run.
    static func numerals(_ text: String) {
        let document = Document(text: text)
        let first = NumeralScanner().scan(document)
        var end = 0
        for numeral in first {
            precondition(numeral.start >= end && numeral.start < numeral.end && numeral.end <= document.count, "numeral span")
            for number in [numeral.value, numeral.min, numeral.max].compactMap({ $0 }) {
                precondition(number.doubleValue.isFinite || number.description.count > 300, "finite value")
            }
            end = numeral.end
        }
        precondition(NumeralScanner().scan(document) == first, "deterministic")
    }

    static let lexicon = "吨 unit=吨 scale=1\n万吨 unit=吨 scale=10000\n约 qualifier=approx\n"

    /// Any rule file loads or fails with diagnostics that point into it, the same
    /// both times; a rule set that loads annotates its own text within the invariants.
    static func rules(_ text: String) {
        let source = RuleSource(name: "R", files: ["f.tiqu": "lexicon l = \"l.txt\"\n" + text, "l.txt": lexicon])
        let first = Result { () throws(RuleErrors) in try RuleSetLoader.load(source) }
        let second = Result { () throws(RuleErrors) in try RuleSetLoader.load(source) }
        switch (first, second) {
        case let (.failure(a), .failure(b)):
            precondition(a.diagnostics == b.diagnostics, "deterministic diagnostics")
            for diagnostic in a.diagnostics { precondition(diagnostic.location.line >= 1, "diagnostic location") }
        case let (.success(ruleSet), .success):
            check(Annotator(ruleSet: ruleSet), Document(text: text))
        default:
            preconditionFailure("loading twice gave different outcomes")
        }
    }

    static let defaultAnnotator = Annotator(ruleSet: try! RuleSet.load(directory: nil))

    static func annotate(_ text: String) { check(defaultAnnotator, Document(text: text)) }

    /// Every span inside the text; no two entities of one type overlap; the same
    /// entities on a second run.
    static func check(_ annotator: Annotator, _ document: Document) {
        guard let entities = try? annotator.annotate(document) else { return }
        var lastEnd: [String: Int] = [:]
        for entity in entities.sorted(by: { ($0.type, $0.start) < ($1.type, $1.start) }) {
            precondition(entity.start >= 0 && entity.start < entity.end && entity.end <= document.count, "entity span")
            precondition(entity.start >= lastEnd[entity.type, default: 0], "same-type overlap")
            lastEnd[entity.type] = entity.end
        }
        precondition((try? annotator.annotate(document)) == entities, "deterministic")
    }
}
