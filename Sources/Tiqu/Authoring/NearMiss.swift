import TiquPattern
import TiquRules
import TiquText

/// How far a rule that did not match got, for `tiqu explain --rule`.
///
/// A rule's pattern is a sequence of elements; the report names the longest prefix
/// that matches somewhere, where, and the element that fails after it. Rules are
/// mostly one or two big groups (a capture around an alternation of name shapes, a
/// macro's expansion), so "element 2 fails" alone says little: the report then goes
/// inside the failing element, level by level: into a group's own sequence, and into
/// the alternative of an alternation that gets furthest, until it reaches a single
/// element (a character class, a lexicon, a lookaround).
struct NearMiss {
    let rule: CompiledRule
    let ruleSet: RuleSet
    let lattice: Lattice
    let document: Document

    /// Levels descended at most, and spans shown per level.
    private static let maxDepth = 8
    private static let spansShown = 3
    /// Descriptions longer than this are cut: a macro can expand to pages.
    private static let maxDescription = 240

    func report() -> String {
        let elements = Self.parts(of: rule.pattern)
        let (count, spans) = progress(after: [], spans: [], in: elements)
        guard count > 0 else {
            return "  not even its first element matches anywhere: \(describe(elements[0]))\n"
                + inside(elements[0], after: [], spans: [], depth: 1)
        }
        return "  the first \(count) of its \(elements.count) elements match:\n" + show(spans, indent: "    ")
            + "  element \(count + 1) fails there: \(describe(elements[count]))\n"
            + inside(elements[count], after: Array(elements[..<count]), spans: spans, depth: 1)
    }

    /// Why `element` fails after `prefix` (which matches at `spans`): the same report
    /// one level down, or nothing when the element has no parts.
    private func inside(_ element: Pattern, after prefix: [Pattern], spans: [Range<Int>], depth: Int) -> String {
        guard depth <= Self.maxDepth else { return "" }
        let indent = String(repeating: "  ", count: depth + 1)
        switch element {
        case .capture(_, let inner):
            return inside(inner, after: prefix, spans: spans, depth: depth)
        case .repetition(let inner, let min, _, _) where min >= 1:
            return inside(inner, after: prefix, spans: spans, depth: depth)   // its first round fails
        case .sequence(let parts) where parts.count > 1:
            return sequenceReport(parts, after: prefix, spans: spans, depth: depth, indent: indent, intro: "inside it")
        case .alternation(let alternatives) where alternatives.count > 1:
            let scored = alternatives.enumerated().map { index, alternative in
                let parts = Self.parts(of: alternative)
                let (count, found) = progress(after: prefix, spans: spans, in: parts)
                return (index: index, parts: parts, count: count, reach: found.map(\.upperBound).max() ?? -1)
            }
            // Furthest along the text first, then most elements matched, then the earlier alternative.
            let best = scored.max { ($0.reach, $0.count, -$0.index) < ($1.reach, $1.count, -$1.index) }!
            let intro = "of its \(alternatives.count) alternatives, number \(best.index + 1) gets furthest"
            guard best.parts.count > 1 else {
                return indent + intro + ": \(describe(alternatives[best.index]))\n"
                    + inside(alternatives[best.index], after: prefix, spans: spans, depth: depth + 1)
            }
            return sequenceReport(best.parts, after: prefix, spans: spans, depth: depth, indent: indent, intro: intro)
        default:
            return ""
        }
    }

    private func sequenceReport(_ parts: [Pattern], after prefix: [Pattern], spans: [Range<Int>], depth: Int,
                                indent: String, intro: String) -> String {
        let (count, found) = progress(after: prefix, spans: spans, in: parts)
        var out = indent + intro + ", the first \(count) of its \(parts.count) elements match"
        out += count > 0 && !found.isEmpty ? ":\n" + show(found, indent: indent + "  ") : "\n"
        out += indent + "element \(count + 1) fails there: \(describe(parts[count]))\n"
        return out + inside(parts[count], after: prefix + parts[..<count], spans: found, depth: depth + 1)
    }

    /// The longest `count` (below parts.count) such that prefix + parts[..<count] matches
    /// somewhere, and where; 0 and the prefix's own spans when no part matches.
    private func progress(after prefix: [Pattern], spans: [Range<Int>], in parts: [Pattern]) -> (Int, [Range<Int>]) {
        for count in stride(from: parts.count - 1, through: 1, by: -1) {
            let found = matches(of: prefix + parts[..<count])
            if !found.isEmpty { return (count, found) }
        }
        return (0, spans)
    }

    /// Where a sequence of elements matches. The matcher never reports an empty match,
    /// and a prefix such as a lookbehind is empty, so the prefix is captured and followed
    /// by one more code point (or the end of the text), and the capture is its span.
    private func matches(of prefix: [Pattern]) -> [Range<Int>] {
        let group = rule.captureNames.count
        let probe = Pattern.sequence([.capture(group, .sequence(prefix)), .alternation([.scalars(.all), .assertion(.textEnd)])])
        guard let program = try? RuleSetProgram.compile([probe], captureCounts: [group + 1]) else { return [] }
        var matcher = PatternMatcher(program: program)
        return matcher.matches(in: lattice).compactMap { $0.captures[group] }
    }

    private func show(_ spans: [Range<Int>], indent: String) -> String {
        spans.prefix(Self.spansShown).map { span in
            let next = span.upperBound < document.count
                ? "\"\(document.slice(span.upperBound, min(document.count, span.upperBound + 6)))\"" : "the end of the text"
            return indent + "[\(span.lowerBound),\(span.upperBound)) \"\(document.slice(span.lowerBound, span.upperBound))\", followed by \(next)\n"
        }.joined()
    }

    private func describe(_ pattern: Pattern) -> String {
        let text = PatternDescription.describe(pattern, ruleSet, definitions: rule.definitions)
        guard text.count > Self.maxDescription else { return text }
        return String(text.prefix(Self.maxDescription)) + " …"
    }

    private static func parts(of pattern: Pattern) -> [Pattern] {
        switch pattern {
        case .sequence(let parts) where !parts.isEmpty: return parts
        case .capture(_, let inner): return parts(of: inner)
        default: return [pattern]
        }
    }
}
