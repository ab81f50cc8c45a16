/// What the parser reads from a rule file, before names are resolved.

/// A pattern as written (see Rules/README.md for the syntax).
public indirect enum PatternNode: Sendable, Hashable {
    case literal(String, SourceLocation)
    case charClass(ClassSpec, SourceLocation)
    case anyCharacter(SourceLocation)
    case edge(EdgeSpec)
    case reference(String, SourceLocation)
    case sequence([PatternNode])
    case alternation([PatternNode])
    case repetition(PatternNode, min: Int, max: Int?, greedy: Bool, SourceLocation)
    case capture(String, PatternNode, SourceLocation)
    case negated(PatternNode, SourceLocation)
    case look(ahead: Bool, negated: Bool, PatternNode, SourceLocation)
    case anchor(sentenceStart: Bool, SourceLocation)
}

/// `[县区市]`, `[^0-9]`, `\p{Han}`: code points, ranges and ICU properties.
public struct ClassSpec: Sendable, Hashable {
    public var negated = false
    public var ranges: [ClosedRange<UInt32>] = []
    /// ICU UnicodeSet patterns such as "\\p{Han}", resolved at compile time.
    public var properties: [String] = []
}

/// `@number(kind=cardinal|decimal)`, `@lex(units, dim=money)`, `@token(kind=ideographic)`, `@PLACE`.
public struct EdgeSpec: Sendable, Hashable {
    public var layer: String
    /// Bare words in the argument list: the lexicon's name for @lex.
    public var names: [String]
    public var constraints: [AttributeConstraint]
    public var location: SourceLocation
}

/// One condition on an edge's attributes.
public struct AttributeConstraint: Sendable, Hashable {
    public enum Test: Sendable, Hashable {
        case oneOf(Set<String>)
        case noneOf(Set<String>)
        case present
        case absent
    }

    public var key: String
    public var test: Test
    public var location: SourceLocation

    public func accepts(_ attributes: [String: String]) -> Bool { test.accepts(attributes[key]) }
}

extension AttributeConstraint.Test {
    /// Whether an attribute with this value (nil: the item has none) passes.
    /// A lexicon value may list several with | (`position=inside|after`):
    /// key=v matches when any of them is v, key!=v when none is.
    public func accepts(_ value: String?) -> Bool {
        switch self {
        case .oneOf(let values): return value.map { Self.anyListed($0, in: values) } ?? false
        case .noneOf(let values): return value.map { !Self.anyListed($0, in: values) } ?? true
        case .present: return value != nil && value != ""
        case .absent: return value == nil || value == ""
        }
    }

    /// Whether `value`, or one of its |-separated parts, is in `values`. This runs for
    /// every numeral and entity against every predicate, so the common case (one
    /// value, a handful of allowed values) compares strings without hashing or splitting.
    private static func anyListed(_ value: String, in values: Set<String>) -> Bool {
        guard value.utf8.contains(UInt8(ascii: "|")) else {
            return values.count <= 8 ? values.contains { $0 == value } : values.contains(value)
        }
        return value.split(separator: "|").contains { values.contains(String($0)) }
    }
}

/// An output attribute's expression: `number.value * unit.scale`,
/// `yuan.value + (jiao.value * 0.1 | 0)`, `before.qualifier | number.qualifier | "exact"`.
public indirect enum OutputExpression: Sendable, Hashable {
    case text(String)
    case number(String)
    case capture(String, attribute: String?, SourceLocation)
    case product(OutputExpression, OutputExpression)
    case sum(OutputExpression, OutputExpression)
    case fallback([OutputExpression])
}

/// `example "text" -> "entity" key=value -> ...`
public struct Example: Sendable, Hashable {
    public var text: String
    /// Entities that must come out, each as its text and attributes; empty
    /// means the whole text is one entity.
    public var expected: [(text: String, attributes: [String: String])]
    public var location: SourceLocation

    public static func == (a: Example, b: Example) -> Bool {
        a.text == b.text && a.location == b.location && a.expected.count == b.expected.count
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(text)
        hasher.combine(location)
    }
}

public struct RuleDeclaration: Sendable, Hashable {
    public var id: String
    public var location: SourceLocation
    public var type: String?
    public var priority = 0
    public var phase = 1
    /// A veto rule's matches claim their span for the type and are then
    /// dropped, so overlapping candidates of that type lose to them.
    public var veto = false
    public var pattern: PatternNode?
    public var spanCaptures: (from: String, to: String)?
    public var outputs: [(key: String, expression: OutputExpression)] = []
    public var examples: [Example] = []
    public var counters: [(text: String, location: SourceLocation)] = []

    public static func == (a: RuleDeclaration, b: RuleDeclaration) -> Bool { a.id == b.id && a.location == b.location }
    public func hash(into hasher: inout Hasher) { hasher.combine(id) }
}

/// One parsed rule file.
public struct RuleFile: Sendable {
    public var path: String
    public var imports: [(path: String, location: SourceLocation)] = []
    public var lexicons: [(name: String, path: String, location: SourceLocation)] = []
    public var definitions: [(name: String, pattern: PatternNode, location: SourceLocation)] = []
    public var rules: [RuleDeclaration] = []
}
