/// The one way Tiqu splits a text file (rules, lexicons, gold JSONL, split lists,
/// brat .ann) into lines.
///
/// WHY not `split(separator: "\n")`: in Swift, CR LF is ONE Character, so splitting a
/// String at the Character "\n" leaves a file saved with CR LF (as Windows editors
/// save it) in one piece: its rules failed with a baffling error and its lexicon
/// entries were silently lost. Here the split is at the byte level. Editors on Windows
/// also start a UTF-8 file with a byte-order mark, which is no content of these files
/// (documents are different: their BOM is a code point that offsets count, and they
/// are not read through this).
extension Substring {
    /// The lines of the text of a whole file, split at each line feed, each without its
    /// line feed and without a carriage return at its end; a byte-order mark at the start
    /// is dropped. Empty lines are kept (line numbers stay right), and text after the
    /// last line feed is a last line, empty if there is none.
    public func textLines() -> [Substring] {
        var lines: [Substring] = []
        let bytes = utf8
        var start = bytes.startIndex
        if hasPrefix("\u{FEFF}") { start = bytes.index(start, offsetBy: 3) }
        while let newline = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) {
            lines.append(line(from: start, to: newline))
            start = bytes.index(after: newline)
        }
        lines.append(line(from: start, to: bytes.endIndex))
        return lines
    }

    /// The non-empty lines of the text (for JSONL and other one-record-per-line files).
    public func nonEmptyTextLines() -> [Substring] {
        textLines().filter { !$0.isEmpty }
    }

    private func line(from start: Index, to end: Index) -> Substring {
        let bytes = utf8
        if end > start, bytes[bytes.index(before: end)] == UInt8(ascii: "\r") {
            return self[start..<bytes.index(before: end)]
        }
        return self[start..<end]
    }
}

extension String {
    /// See `Substring.textLines()`.
    public func textLines() -> [Substring] { self[...].textLines() }

    /// See `Substring.nonEmptyTextLines()`.
    public func nonEmptyTextLines() -> [Substring] { self[...].nonEmptyTextLines() }
}
