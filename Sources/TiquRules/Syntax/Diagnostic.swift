/// A place in a rule or lexicon file: path relative to the rules directory,
/// 1-based line and column (columns count code points).
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    public let file: String
    public let line: Int
    public let column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String { "\(file):\(line):\(column)" }
}

/// One problem found while loading rules, reported like a compiler does:
/// `file:line:column: error: message`, the source line, a caret under the
/// column, and what was expected there.
public struct Diagnostic: Error, Sendable, Hashable, CustomStringConvertible {
    public let location: SourceLocation
    public let message: String
    public let sourceLine: String
    public let expected: String?

    public init(_ location: SourceLocation, _ message: String, sourceLine: String = "", expected: String? = nil) {
        self.location = location
        self.message = message
        self.sourceLine = sourceLine
        self.expected = expected
    }

    public var description: String {
        var text = "\(location): error: \(message)"
        if !sourceLine.isEmpty {
            text += "\n    " + sourceLine
            text += "\n    " + String(repeating: " ", count: max(0, location.column - 1)) + "^"
        }
        if let expected { text += "\n    expected \(expected)" }
        return text
    }
}

/// Every problem of a rule set at once, so an author fixes them in one pass.
public struct RuleErrors: Error, Sendable, CustomStringConvertible {
    public let diagnostics: [Diagnostic]

    /// Sorted by place; a problem found twice (a shared definition expanded
    /// in several rules) is reported once.
    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = Array(Set(diagnostics)).sorted {
            ($0.location.file, $0.location.line, $0.location.column, $0.message) < ($1.location.file, $1.location.line, $1.location.column, $1.message)
        }
    }

    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n") + "\n\(diagnostics.count) error\(diagnostics.count == 1 ? "" : "s")"
    }
}
