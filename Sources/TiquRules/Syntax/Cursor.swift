/// Reads a statement's text one code point at a time while keeping each
/// code point's line and column, so every diagnostic can point at the exact
/// character (also in patterns that continue over several lines).
struct Cursor {
    private let scalars: [Unicode.Scalar]
    private let positions: [(line: Int, column: Int)]
    private let file: String
    private let lines: [Substring]
    private(set) var index = 0

    init(file: String, lines: [Substring], pieces: [(line: Int, text: Substring, firstColumn: Int)]) {
        var scalars: [Unicode.Scalar] = []
        var positions: [(Int, Int)] = []
        for (k, piece) in pieces.enumerated() {
            if k > 0 { scalars.append(" "); positions.append((piece.line, piece.firstColumn)) }
            for (offset, scalar) in piece.text.unicodeScalars.enumerated() {
                scalars.append(scalar)
                positions.append((piece.line, piece.firstColumn + offset))
            }
        }
        self.scalars = scalars
        self.positions = positions
        self.file = file
        self.lines = lines
    }

    var atEnd: Bool { index >= scalars.count }
    var peek: Unicode.Scalar? { atEnd ? nil : scalars[index] }

    func peek(_ offset: Int) -> Unicode.Scalar? {
        index + offset < scalars.count ? scalars[index + offset] : nil
    }

    mutating func advance() -> Unicode.Scalar? {
        guard !atEnd else { return nil }
        defer { index += 1 }
        return scalars[index]
    }

    mutating func skipSpaces() {
        while let c = peek, c == " " || c == "\t" { index += 1 }
    }

    /// Consumes `word` if it comes next (after spaces).
    mutating func eat(_ word: String) -> Bool {
        skipSpaces()
        let wanted = Array(word.unicodeScalars)
        guard index + wanted.count <= scalars.count, Array(scalars[index..<(index + wanted.count)]) == wanted else { return false }
        index += wanted.count
        return true
    }

    func location(at position: Int? = nil) -> SourceLocation {
        let p = min(position ?? index, scalars.count - 1)
        guard p >= 0 else { return SourceLocation(file: file, line: 1, column: 1) }
        let (line, column) = position ?? index >= scalars.count ? (positions[p].line, positions[p].column + 1) : positions[p]
        return SourceLocation(file: file, line: line, column: column)
    }

    func error(_ message: String, expected: String? = nil, at position: Int? = nil) -> Diagnostic {
        let location = location(at: position)
        let line = location.line - 1 < lines.count ? String(lines[location.line - 1]) : ""
        return Diagnostic(location, message, sourceLine: line, expected: expected)
    }

    /// A run of identifier characters: ASCII letters, digits, _ . - and any
    /// non-ASCII letter (so Chinese attribute values need no quotes).
    mutating func identifier() -> String? {
        skipSpaces()
        var name = ""
        while let c = peek, Cursor.isIdentifierCharacter(c, first: name.isEmpty) {
            name.unicodeScalars.append(c)
            index += 1
        }
        return name.isEmpty ? nil : name
    }

    static func isIdentifierCharacter(_ c: Unicode.Scalar, first: Bool) -> Bool {
        if c.value > 0x7F { return c.properties.isAlphabetic || c.properties.numericType != nil }
        if ("a"..."z").contains(c) || ("A"..."Z").contains(c) || c == "_" { return true }
        return !first && (("0"..."9").contains(c) || c == "." || c == "-")
    }

    /// A double-quoted string with \" \\ \n \t \u{...} escapes.
    mutating func quoted() throws(Diagnostic) -> String {
        skipSpaces()
        let start = index
        guard peek == "\"" else { throw error("expected a string in double quotes") }
        index += 1
        var text = ""
        while let c = advance() {
            if c == "\"" { return text }
            if c == "\\" {
                guard let escaped = advance() else { break }
                switch escaped {
                case "n": text += "\n"
                case "t": text += "\t"
                case "r": text += "\r"
                case "u": text.unicodeScalars.append(try unicodeEscape())
                default: text.unicodeScalars.append(escaped)
                }
            } else {
                text.unicodeScalars.append(c)
            }
        }
        throw error("unterminated string", expected: "a closing \"", at: start)
    }

    /// After \u: {HEX} or four hex digits.
    mutating func unicodeEscape() throws(Diagnostic) -> Unicode.Scalar {
        let braced = peek == "{"
        if braced { index += 1 }
        var hex = ""
        while let c = peek, c.properties.isASCIIHexDigit, hex.count < (braced ? 6 : 4) { hex.unicodeScalars.append(c); index += 1 }
        if braced { guard advance() == "}" else { throw error("bad \\u{...} escape", expected: "}") } }
        guard let value = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(value) else {
            throw error("bad \\u escape: not a Unicode scalar value")
        }
        return scalar
    }

    /// An unsigned decimal integer.
    mutating func integer() -> Int? {
        skipSpaces()
        var digits = ""
        while let c = peek, ("0"..."9").contains(c), digits.count < 9 { digits.unicodeScalars.append(c); index += 1 }
        return Int(digits)
    }
}
