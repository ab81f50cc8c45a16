/// Recursive descent over the pattern syntax (grammar in Rules/README.md):
///
///     alternation := sequence ('|' sequence)*
///     sequence    := item*
///     item        := '!'? atom quantifier*
///     quantifier  := ('?' | '*' | '+' | '{' m (',' n?)? '}') '?'?
///     atom        := STRING | class | '.' | '\p{..}' | '@' edge | '(' group ')' | '^' | '$' | NAME
///
/// Nesting is capped so that a hostile file cannot exhaust the stack.
struct PatternParser {
    static let maxDepth = 200

    var cursor: Cursor
    private var depth = 0

    init(_ cursor: Cursor) { self.cursor = cursor }

    mutating func parseAll() throws(Diagnostic) -> PatternNode {
        let node = try alternation()
        cursor.skipSpaces()
        if !cursor.atEnd {
            throw cursor.error("unexpected '\(cursor.peek!)' in pattern", expected: "an element, '|', a quantifier or the end of the pattern")
        }
        return node
    }

    private mutating func alternation() throws(Diagnostic) -> PatternNode {
        depth += 1
        defer { depth -= 1 }
        guard depth <= PatternParser.maxDepth else { throw cursor.error("pattern nested more than \(PatternParser.maxDepth) deep") }
        var branches = [try sequence()]
        while cursor.eat("|") { branches.append(try sequence()) }
        return branches.count == 1 ? branches[0] : .alternation(branches)
    }

    private mutating func sequence() throws(Diagnostic) -> PatternNode {
        var items: [PatternNode] = []
        while true {
            cursor.skipSpaces()
            guard let c = cursor.peek, c != "|", c != ")" else { break }
            items.append(try item())
        }
        return items.count == 1 ? items[0] : .sequence(items)
    }

    private mutating func item() throws(Diagnostic) -> PatternNode {
        cursor.skipSpaces()
        let start = cursor.location()
        if cursor.eat("!") { return try quantifiers(on: .negated(try atom(), start)) }
        return try quantifiers(on: try atom())
    }

    private mutating func quantifiers(on node: PatternNode) throws(Diagnostic) -> PatternNode {
        var node = node
        while true {
            let location = cursor.location()
            let bounds: (Int, Int?)
            switch cursor.peek {
            case "?": _ = cursor.advance(); bounds = (0, 1)
            case "*": _ = cursor.advance(); bounds = (0, nil)
            case "+": _ = cursor.advance(); bounds = (1, nil)
            case "{": bounds = try counted()
            default: return node
            }
            let lazy = cursor.peek == "?"
            if lazy { _ = cursor.advance() }
            node = .repetition(node, min: bounds.0, max: bounds.1, greedy: !lazy, location)
        }
    }

    /// {m}, {m,}, {m,n}
    private mutating func counted() throws(Diagnostic) -> (Int, Int?) {
        let start = cursor.index
        _ = cursor.advance()
        guard let low = cursor.integer() else { throw cursor.error("expected a count in {m,n}", expected: "a whole number") }
        var high: Int? = low
        if cursor.eat(",") { high = cursor.integer() }
        guard cursor.eat("}") else { throw cursor.error("unclosed {m,n}", expected: "}") }
        if let high, high < low { throw cursor.error("{\(low),\(high)}: the maximum is below the minimum", at: start) }
        return (low, high)
    }

    private mutating func atom() throws(Diagnostic) -> PatternNode {
        cursor.skipSpaces()
        let location = cursor.location()
        guard let c = cursor.peek else { throw cursor.error("the pattern ends where an element was expected", expected: "an element") }
        switch c {
        case "\"":
            let text = try cursor.quoted()
            guard !text.isEmpty else { throw cursor.error("empty string in a pattern", at: cursor.index - 2) }
            return .literal(text, location)
        case "[": return .charClass(try charClass(), location)
        case ".": _ = cursor.advance(); return .anyCharacter(location)
        case "\\": return .charClass(try escapeClass(), location)
        case "@": _ = cursor.advance(); return .edge(try edge(at: location))
        case "(": return try group()
        case "^": _ = cursor.advance(); return .anchor(sentenceStart: true, location)
        case "$": _ = cursor.advance(); return .anchor(sentenceStart: false, location)
        default:
            if let name = cursor.identifier() { return .reference(name, location) }
            throw cursor.error("unexpected '\(c)' in pattern", expected: "a string, [class], ., @edge, (group), ^, $ or a defined name")
        }
    }

    private mutating func group() throws(Diagnostic) -> PatternNode {
        let location = cursor.location()
        _ = cursor.advance()
        let node: PatternNode
        if cursor.eat("?<=") { node = .look(ahead: false, negated: false, try alternation(), location) }
        else if cursor.eat("?<!") { node = .look(ahead: false, negated: true, try alternation(), location) }
        else if cursor.eat("?<") {
            guard let name = cursor.identifier(), cursor.eat(">") else {
                throw cursor.error("bad capture name", expected: "(?<name> ...) with a name of letters, digits and _")
            }
            node = .capture(name, try alternation(), location)
        }
        else if cursor.eat("?=") { node = .look(ahead: true, negated: false, try alternation(), location) }
        else if cursor.eat("?!") { node = .look(ahead: true, negated: true, try alternation(), location) }
        else if cursor.eat("?:") { node = try alternation() }
        else { node = try alternation() }
        guard cursor.eat(")") else { throw cursor.error("unclosed group", expected: "')'") }
        return node
    }

    /// `\p{Han}`, `\P{Han}`, `\d` outside a class.
    private mutating func escapeClass() throws(Diagnostic) -> ClassSpec {
        var spec = ClassSpec()
        try readEscape(into: &spec)
        return spec
    }

    private mutating func readEscape(into spec: inout ClassSpec) throws(Diagnostic) {
        _ = cursor.advance()  // the backslash
        guard let c = cursor.advance() else { throw cursor.error("a lone backslash", expected: "an escape such as \\p{Han}") }
        switch c {
        case "p", "P":
            guard cursor.advance() == "{" else { throw cursor.error("expected {Name} after \\\(c)", expected: "\\p{Han}") }
            var name = ""
            while let k = cursor.peek, k != "}" { name.unicodeScalars.append(k); _ = cursor.advance() }
            guard cursor.advance() == "}" else { throw cursor.error("unclosed \\p{", expected: "}") }
            spec.properties.append((c == "P" ? "\\P{" : "\\p{") + name + "}")
        case "d": spec.ranges.append(0x30...0x39)
        case "s": spec.ranges += [0x20...0x20, 0x09...0x0D, 0x3000...0x3000]
        case "u": let scalar = try cursor.unicodeEscape(); spec.ranges.append(scalar.value...scalar.value)
        case "n": spec.ranges.append(0x0A...0x0A)
        case "t": spec.ranges.append(0x09...0x09)
        default: spec.ranges.append(c.value...c.value)
        }
    }

    /// `[县区市]`, `[^0-9]`, `[a-z\p{Han}]`.
    private mutating func charClass() throws(Diagnostic) -> ClassSpec {
        let start = cursor.index
        _ = cursor.advance()
        var spec = ClassSpec()
        if cursor.peek == "^" { spec.negated = true; _ = cursor.advance() }
        while let c = cursor.peek, c != "]" {
            if c == "\\" { try readEscape(into: &spec); continue }
            _ = cursor.advance()
            if cursor.peek == "-", let high = cursor.peek(1), high != "]" {
                _ = cursor.advance(); _ = cursor.advance()
                guard c.value <= high.value else { throw cursor.error("range \(c)-\(high) is backwards") }
                spec.ranges.append(c.value...high.value)
            } else {
                spec.ranges.append(c.value...c.value)
            }
        }
        guard cursor.advance() == "]" else { throw cursor.error("unclosed character class", expected: "]", at: start) }
        return spec
    }

    /// After '@': a layer name and an optional argument list.
    private mutating func edge(at location: SourceLocation) throws(Diagnostic) -> EdgeSpec {
        guard let layer = cursor.identifier() else {
            throw cursor.error("expected a layer after @", expected: "@number, @token, @lex(NAME) or an entity type such as @PLACE")
        }
        var spec = EdgeSpec(layer: layer, names: [], constraints: [], location: location)
        guard cursor.peek == "(" else { return spec }
        _ = cursor.advance()
        repeat {
            try argument(into: &spec)
        } while cursor.eat(",")
        guard cursor.eat(")") else { throw cursor.error("unclosed argument list of @\(layer)", expected: "',' or ')'") }
        return spec
    }

    private mutating func argument(into spec: inout EdgeSpec) throws(Diagnostic) {
        cursor.skipSpaces()
        let location = cursor.location()
        let negated = cursor.eat("!")
        guard let key = cursor.identifier() else { throw cursor.error("expected an attribute", expected: "NAME, key=value, key!=value or !key") }
        if negated { spec.constraints.append(AttributeConstraint(key: key, test: .absent, location: location)); return }
        let excluded = cursor.eat("!=")
        guard excluded || cursor.eat("=") else {
            // The first bare word of @lex(...) names the lexicon, and the first two of
            // @echo(...) the entity type and the lexicon of suffixes; any other bare word
            // asks that the attribute be present.
            if (spec.layer == "lex" && spec.names.isEmpty) || (spec.layer == "echo" && spec.names.count < 2) {
                spec.names.append(key)
            } else {
                spec.constraints.append(AttributeConstraint(key: key, test: .present, location: location))
            }
            return
        }
        var values: Set<String> = []
        repeat { values.insert(try value()) } while cursor.eat("|")
        spec.constraints.append(AttributeConstraint(key: key, test: excluded ? .noneOf(values) : .oneOf(values), location: location))
    }

    private mutating func value() throws(Diagnostic) -> String {
        cursor.skipSpaces()
        if cursor.peek == "\"" { return try cursor.quoted() }
        var text = ""
        while let c = cursor.peek, !" \t,)|".unicodeScalars.contains(c) { text.unicodeScalars.append(c); _ = cursor.advance() }
        guard !text.isEmpty else { throw cursor.error("expected a value", expected: "a word or a \"string\"") }
        return text
    }
}
