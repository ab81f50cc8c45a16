import TiquNumerals
import TiquRules

/// The value of an output expression.
enum OutputValue: Equatable {
    case number(ExactNumber)
    case range(ExactNumber, ExactNumber)
    case text(String)
    case missing

    /// Numbers, and text that reads as a decimal ("10000" from a lexicon).
    var asNumber: OutputValue {
        switch self {
        case .number, .range, .missing: return self
        case .text(let text):
            let negative = text.hasPrefix("-")
            guard let value = ExactNumber(decimal: Substring(negative ? String(text.dropFirst()) : text)) else { return .missing }
            return .number(negative ? -value : value)
        }
    }

    var isPresent: Bool {
        switch self {
        case .missing: false
        case .text(let text): !text.isEmpty
        default: true
        }
    }

    /// Exact products; a range times a number scales both bounds.
    static func * (a: OutputValue, b: OutputValue) -> OutputValue { combine(a, b, *) }

    /// Exact sums; a number added to a range shifts both bounds. Missing if either
    /// side is: write `(x | 0)` for a part that may be absent.
    static func + (a: OutputValue, b: OutputValue) -> OutputValue { combine(a, b, +) }

    /// `operation` on two numbers, or on each bound of a range and a number.
    private static func combine(_ a: OutputValue, _ b: OutputValue,
                                _ operation: (ExactNumber, ExactNumber) -> ExactNumber) -> OutputValue {
        switch (a.asNumber, b.asNumber) {
        case let (.number(x), .number(y)): .number(operation(x, y))
        case let (.range(lo, hi), .number(y)), let (.number(y), .range(lo, hi)): .range(operation(lo, y), operation(hi, y))
        default: .missing
        }
    }
}

/// Evaluates a rule's output expressions on one match. (Functions of their arguments,
/// not a value holding them: it runs once per match, and a copy of the items would
/// retain and release each of their arrays every time.)
enum OutputEvaluator {
    static func evaluate(_ expression: OutputExpression, items: LatticeItems, rule: CompiledRule,
                         captures: [Range<Int>?]) -> OutputValue {
        func evaluate(_ expression: OutputExpression) -> OutputValue {
            OutputEvaluator.evaluate(expression, items: items, rule: rule, captures: captures)
        }
        switch expression {
        case .text(let text): return .text(text)
        case .number(let digits): return OutputValue.text(digits).asNumber
        case .product(let a, let b): return evaluate(a) * evaluate(b)
        case .sum(let a, let b): return evaluate(a) + evaluate(b)
        case .fallback(let options):
            var value = OutputValue.missing
            for option in options {
                value = evaluate(option)
                if value.isPresent { return value }
            }
            return value  // the last option's value: `unit = unit.unit | ""` gives 
        case let .capture(name, attribute, _):
            guard let index = rule.captureNames.firstIndex(of: name), let span = captures[index] else { return .missing }
            guard let attribute, attribute != "text" else { return .text(items.document.slice(span)) }
            for predicate in rule.captureBindings[index] {
                let value = items.value(of: attribute, predicate: predicate, span: span)
                if value != .missing || items.hasItem(predicate: predicate, span: span) { return value }
            }
            return .missing
        }
    }
}
