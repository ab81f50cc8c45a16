import TiquText

/// Reads one rule file into a `RuleFile`, collecting every syntax error
/// rather than stopping at the first (a bad line is skipped, the rest is read).
///
/// Statements are line-oriented; a `pattern` or `define` continues on the
/// following lines while its parentheses are open. `#` starts a comment
/// outside strings and character classes.
public struct RuleFileParser {
    private let path: String
    private let lines: [Substring]
    private var lineIndex = 0
    private var file: RuleFile
    private var diagnostics: [Diagnostic] = []
    private var phase = 1

    public static func parse(path: String, contents: String) -> (RuleFile, [Diagnostic]) {
        var parser = RuleFileParser(path: path, contents: contents)
        parser.run()
        return (parser.file, parser.diagnostics)
    }

    private init(path: String, contents: String) {
        self.path = path
        lines = contents.textLines()
        file = RuleFile(path: path)
    }

    // MARK: statements

    private mutating func run() {
        while let (cursor, keyword) = nextStatement() {
            do {
                try statement(keyword, cursor)
            } catch {
                diagnostics.append(error)
            }
        }
    }

    private mutating func statement(_ keyword: String, _ cursor: Cursor) throws(Diagnostic) {
        var cursor = cursor
        switch keyword {
        case "import":
            file.imports.append((try cursor.quoted(), cursor.location()))
            try expectEnd(&cursor)
        case "lexicon":
            let location = cursor.location()
            guard let name = cursor.identifier(), cursor.eat("=") else {
                throw cursor.error("bad lexicon declaration", expected: "lexicon NAME = \"lexicons/FILE.txt\"")
            }
            file.lexicons.append((name, try cursor.quoted(), location))
            try expectEnd(&cursor)
        case "define":
            let location = cursor.location()
            guard let name = cursor.identifier(), cursor.eat("=") else {
                throw cursor.error("bad definition", expected: "define NAME = PATTERN")
            }
            var patternParser = PatternParser(cursor)
            file.definitions.append((name, try patternParser.parseAll(), location))
        case "phase":
            guard let number = cursor.integer(), number >= 1 else { throw cursor.error("bad phase", expected: "phase N with N >= 1") }
            phase = number
            try expectEnd(&cursor)
        case "rule":
            try rule(cursor)
        default:
            throw cursor.error("unknown statement '\(keyword)'", expected: "import, lexicon, define, phase or rule", at: 0)
        }
    }

    private mutating func rule(_ header: Cursor) throws(Diagnostic) {
        var header = header
        let location = header.location()
        guard let id = header.identifier() else { throw header.error("a rule needs an id", expected: "rule ID (letters, digits, _ . -)") }
        try expectEnd(&header)
        var declaration = RuleDeclaration(id: id, location: location)
        declaration.phase = phase
        while true {
            guard let (cursor, keyword) = nextStatement() else {
                diagnostics.append(Diagnostic(location, "rule \(id) has no 'end'", expected: "'end' after the rule's clauses"))
                break
            }
            if keyword == "end" { break }
            do {
                try clause(keyword, cursor, into: &declaration)
            } catch {
                diagnostics.append(error)
            }
        }
        file.rules.append(declaration)
    }

    // MARK: clauses

    private mutating func clause(_ keyword: String, _ cursor: Cursor, into rule: inout RuleDeclaration) throws(Diagnostic) {
        var cursor = cursor
        switch keyword {
        case "type":
            guard let type = cursor.identifier(), type == type.uppercased() else {
                throw cursor.error("bad type", expected: "an entity type in capitals such as QUANTITY, PERCENT, PLACE, PROJECT")
            }
            rule.type = type
        case "priority":
            let negative = cursor.eat("-")
            guard let value = cursor.integer() else { throw cursor.error("bad priority", expected: "a whole number") }
            rule.priority = negative ? -value : value
        case "veto":
            rule.veto = true
        case "pattern":
            var parser = PatternParser(cursor)
            rule.pattern = try parser.parseAll()
            return
        case "span":
            guard let from = cursor.identifier() else { throw cursor.error("bad span", expected: "span CAPTURE or span FIRST..LAST") }
            var to = from
            if cursor.eat("..") {
                guard let last = cursor.identifier() else { throw cursor.error("bad span", expected: "a capture name after ..") }
                to = last
            }
            // identifier() reads dots, so "a..b" may arrive as one word.
            if let dots = from.firstRange(of: "..") {
                rule.spanCaptures = (String(from[..<dots.lowerBound]), String(from[dots.upperBound...]))
            } else {
                rule.spanCaptures = (from, to)
            }
        case "example":
            rule.examples.append(try example(&cursor))
        case "counter":
            rule.counters.append((try cursor.quoted(), cursor.location()))
        default:
            guard cursor.eat("=") else {
                throw cursor.error("unknown clause '\(keyword)'",
                                   expected: "type, priority, veto, pattern, span, example, counter, or an output such as value = ...", at: 0)
            }
            var parser = OutputExpressionParser(cursor: cursor)
            rule.outputs.append((keyword, try parser.parse()))
            cursor = parser.cursor
        }
        try expectEnd(&cursor)
    }

    /// example "text" -> "entity" key=value ... -> "entity2" ...
    private func example(_ cursor: inout Cursor) throws(Diagnostic) -> Example {
        let location = cursor.location()
        let text = try cursor.quoted()
        var expected: [(String, [String: String])] = []
        while cursor.eat("->") {
            let entity = try cursor.quoted()
            guard text.contains(entity) else { throw cursor.error("\"\(entity)\" does not occur in the example text") }
            var attributes: [String: String] = [:]
            while true {
                cursor.skipSpaces()
                guard let c = cursor.peek, c != "-" || cursor.peek(1) != ">" else { break }
                guard let key = cursor.identifier(), cursor.eat("=") else {
                    throw cursor.error("bad expected attribute", expected: "key=value after the entity's text")
                }
                cursor.skipSpaces()
                attributes[key] = cursor.peek == "\"" ? try cursor.quoted() : cursor.word()
            }
            expected.append((entity, attributes))
        }
        return Example(text: text, expected: expected, location: location)
    }

    private func expectEnd(_ cursor: inout Cursor) throws(Diagnostic) {
        cursor.skipSpaces()
        if !cursor.atEnd { throw cursor.error("unexpected text after the statement", expected: "the end of the line") }
    }

    // MARK: lines

    /// The next non-blank statement as a cursor after its keyword. A pattern
    /// or definition whose parentheses are still open takes the next lines too.
    private mutating func nextStatement() -> (Cursor, String)? {
        while lineIndex < lines.count {
            let number = lineIndex + 1
            let text = RuleFileParser.stripComment(lines[lineIndex])
            lineIndex += 1
            let trimmed = text.drop { $0 == " " || $0 == "\t" }
            guard !trimmed.isEmpty else { continue }
            let keyword = String(trimmed.prefix { !" \t".contains($0) })
            let rest = trimmed.dropFirst(keyword.count)
            let firstColumn = text.unicodeScalars.count - rest.unicodeScalars.count + 1
            var pieces = [(line: number, text: rest, firstColumn: firstColumn)]
            if keyword == "pattern" || keyword == "define" {
                var depth = RuleFileParser.openParentheses(rest)
                while depth > 0, lineIndex < lines.count, !RuleFileParser.startsStatement(lines[lineIndex]) {
                    let next = RuleFileParser.stripComment(lines[lineIndex])
                    pieces.append((lineIndex + 1, next, 1))
                    depth += RuleFileParser.openParentheses(next)
                    lineIndex += 1
                }
            }
            return (Cursor(file: path, lines: lines, pieces: pieces), keyword)
        }
        return nil
    }

    static let keywords: Set<String> = ["import", "lexicon", "define", "phase", "rule", "end", "type", "priority",
                                         "veto", "pattern", "span", "example", "counter"]

    /// Whether a line begins a statement or clause, which ends an unclosed
    /// pattern (so one missing ")" does not swallow the rest of the file).
    static func startsStatement(_ line: Substring) -> Bool {
        let trimmed = line.drop { $0 == " " || $0 == "\t" }
        let word = trimmed.prefix { $0.isLetter || $0 == "_" }
        if keywords.contains(String(word)) && (trimmed.count == word.count || trimmed.dropFirst(word.count).first == " ") { return true }
        let rest = trimmed.dropFirst(word.count).drop { $0 == " " }
        return !word.isEmpty && word.allSatisfy({ $0.isLowercase || $0 == "_" }) && rest.hasPrefix("=")
    }

    /// The line without its comment: `#` outside "strings" and [classes].
    static func stripComment(_ line: Substring) -> Substring {
        var cut = line.endIndex
        forEachCodeCharacter(in: line) { c, index in
            guard c == "#" else { return true }
            cut = index
            return false
        }
        return line[..<cut]
    }

    /// Parentheses opened minus closed, outside strings and character classes.
    static func openParentheses(_ text: Substring) -> Int {
        var depth = 0
        forEachCodeCharacter(in: text) { c, _ in
            if c == "(" { depth += 1 } else if c == ")" { depth -= 1 }
            return true
        }
        return depth
    }

    /// Calls `body` for each character of `text` that is pattern code: not inside a
    /// "string" or a [class] and not escaped, until `body` returns false.
    private static func forEachCodeCharacter(in text: Substring, _ body: (Character, Substring.Index) -> Bool) {
        var inString = false, inClass = false, escaped = false
        for index in text.indices {
            let c = text[index]
            if escaped { escaped = false; continue }
            switch c {
            case "\\": escaped = true
            case "\"" where !inClass: inString.toggle()
            case "[" where !inString: inClass = true
            case "]" where !inString: inClass = false
            default:
                if !inString && !inClass && !body(c, index) { return }
            }
        }
    }
}

extension Cursor {
    /// Everything up to the next space: an unquoted attribute value.
    mutating func word() -> String {
        var text = ""
        while let c = peek, c != " ", c != "\t" { text.unicodeScalars.append(c); _ = advance() }
        return text
    }
}

/// expr := sum ('|' sum)* ; sum := product ('+' product)* ; product := factor ('*' factor)* ;
/// factor := "string" | number | CAPTURE('.'ATTRIBUTE)? | '(' expr ')'
struct OutputExpressionParser {
    var cursor: Cursor

    mutating func parse() throws(Diagnostic) -> OutputExpression {
        var options = [try sum()]
        while cursor.eat("|") { options.append(try sum()) }
        return options.count == 1 ? options[0] : .fallback(options)
    }

    private mutating func sum() throws(Diagnostic) -> OutputExpression {
        var result = try product()
        while cursor.eat("+") { result = .sum(result, try product()) }
        return result
    }

    private mutating func product() throws(Diagnostic) -> OutputExpression {
        var result = try factor()
        while cursor.eat("*") { result = .product(result, try factor()) }
        return result
    }

    private mutating func factor() throws(Diagnostic) -> OutputExpression {
        cursor.skipSpaces()
        let location = cursor.location()
        if cursor.peek == "\"" { return .text(try cursor.quoted()) }
        if cursor.eat("(") {
            let inner = try parse()
            guard cursor.eat(")") else { throw cursor.error("unclosed parenthesis", expected: "')'") }
            return inner
        }
        if let c = cursor.peek, ("0"..."9").contains(c) {
            var digits = ""
            while let d = cursor.peek, ("0"..."9").contains(d) || d == "." { digits.unicodeScalars.append(d); _ = cursor.advance() }
            return .number(digits)
        }
        guard let name = cursor.identifier() else {
            throw cursor.error("expected a value", expected: "\"text\", a number, or CAPTURE.attribute")
        }
        let parts = name.split(separator: ".", maxSplits: 1)
        return .capture(String(parts[0]), attribute: parts.count > 1 ? String(parts[1]) : nil, location)
    }
}
