import TiquText

/// A lexicon file: one entry per line, the entry then `key=value` attributes
/// (`万吨 unit=吨 scale=10000`); `#` comments and blank lines are skipped.
public struct Lexicon: Sendable {
    public struct Entry: Sendable {
        public let text: String
        public let attributes: [String: String]
    }

    public let name: String
    public let path: String
    public let entries: [Entry]
    /// Every attribute key any entry has, to check rules against at load time.
    public let keys: Set<String>
    /// Entries with the reserved attribute `requires=A|B`, by index, with the indices
    /// of the entries A and B: such an entry only counts in a document where A or B
    /// occurs (Rules/README.md). A and B must be entries of the same lexicon, so that
    /// the one automaton pass over the document finds them.
    public let requirements: [Int: [Int]]

    /// The same entries under the name a rule file declares them by.
    func named(_ name: String) -> Lexicon {
        Lexicon(name: name, path: path, entries: entries, keys: keys, requirements: requirements)
    }

    /// The `key=value` fields of a line, and the fields that are not of that form.
    private static func attributes(of fields: ArraySlice<Substring>) -> ([String: String], [Substring]) {
        var attributes: [String: String] = [:]
        var bad: [Substring] = []
        for field in fields {
            let pair = field.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, !pair[0].isEmpty else { bad.append(field); continue }
            attributes[String(pair[0])] = String(pair[1])
        }
        return (attributes, bad)
    }

    public static func parse(name: String, path: String, contents: String) -> (Lexicon, [Diagnostic]) {
        var entries: [Entry] = []
        var problems: [Diagnostic] = []
        var indexOf: [String: Int] = [:]   // entry text -> its index in `entries`
        var keys: Set<String> = []
        var lines: [Int] = []           // per entry: its line, for messages
        // Lines with the same attributes share one dictionary: a generated lexicon has
        // tens of thousands of lines and a handful of distinct attribute sets.
        var attributeSets: [Substring: [String: String]] = [:]
        let lineCount = contents.utf8.reduce(into: 1) { count, byte in if byte == UInt8(ascii: "\n") { count += 1 } }
        entries.reserveCapacity(lineCount)
        indexOf.reserveCapacity(lineCount)
        lines.reserveCapacity(lineCount)
        for (index, line) in contents.textLines().enumerated() {
            let fields = Self.fields(of: line)
            // A byte test: the generic hasPrefix cost a tenth of parsing the gazetteers.
            guard let first = fields.first, first.utf8.first != UInt8(ascii: "#") else { continue }
            let location = { (field: Substring) in
                SourceLocation(file: path, line: index + 1, column: line.unicodeScalars.distance(from: line.startIndex, to: field.startIndex) + 1)
            }
            var attributes: [String: String] = [:]
            if fields.count > 1 {
                let attributeText = line[fields[1].startIndex...]
                if let shared = attributeSets[attributeText] {
                    attributes = shared
                } else {
                    let (parsed, bad) = Self.attributes(of: fields.dropFirst())
                    attributes = parsed
                    problems += bad.map { Diagnostic(location($0), "bad attribute '\($0)'", sourceLine: String(line), expected: "key=value") }
                    if bad.isEmpty { attributeSets[attributeText] = parsed }   // a bad line is reported each time
                }
            }
            let text = String(first)
            if let previous = indexOf[text] {
                problems.append(Diagnostic(location(first), "duplicate entry '\(text)' (first on line \(lines[previous]))",
                                           sourceLine: String(line), expected: "one line per entry, attributes merged"))
                continue
            }
            indexOf[text] = entries.count
            keys.formUnion(attributes.keys)
            entries.append(Entry(text: text, attributes: attributes))
            lines.append(index + 1)
        }
        var requirements: [Int: [Int]] = [:]
        for (index, entry) in entries.enumerated() {
            guard let value = entry.attributes["requires"] else { continue }
            var required: [Int] = []
            for form in value.split(separator: "|").map(String.init) {
                if let other = indexOf[form] {
                    required.append(other)
                } else {
                    problems.append(Diagnostic(SourceLocation(file: path, line: lines[index], column: 1),
                                               "requires '\(form)', which is not an entry of this lexicon",
                                               sourceLine: entry.text, expected: "requires=ENTRY|ENTRY, entries of the same lexicon"))
                }
            }
            requirements[index] = required
        }
        return (Lexicon(name: name, path: path, entries: entries, keys: keys, requirements: requirements), problems)
    }

    /// The fields of a line, separated by spaces and tabs. Split by bytes: splitting by
    /// Character segments every Chinese character into graphemes, and the gazetteer's
    /// tens of thousands of lines made that most of the time spent loading the rules.
    private static func fields(of line: Substring) -> [Substring] {
        var fields: [Substring] = []
        var start: Substring.Index?
        let bytes = line.utf8
        var index = bytes.startIndex
        while index != bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") {
                if let first = start { fields.append(line[first..<index]) }
                start = nil
            } else if start == nil {
                start = index
            }
            index = bytes.index(after: index)
        }
        if let first = start { fields.append(line[first..<bytes.endIndex]) }
        return fields
    }
}
