/// A document's text exactly as decoded, addressed by Unicode code points.
///
/// Nothing is removed or normalised: a BOM, CR LF and full-width forms all
/// stay and all count. Every public offset in Tiqu is a code-point index into
/// `codePoints`, half-open, so `slice(start, end)` is the `text` of an entity.
public struct Document: Sendable {
    /// Where the text came from: a path, "-" for stdin, or a record id.
    public let name: String
    public let text: String
    /// The text's Unicode scalars; index i is code point i.
    public let codePoints: [UInt32]

    public init(name: String = "", text: String) {
        self.name = name
        self.text = text
        self.codePoints = text.unicodeScalars.map(\.value)
    }

    public var count: Int { codePoints.count }

    /// The text of the half-open code-point range start..<end.
    public func slice(_ start: Int, _ end: Int) -> String {
        var result = String.UnicodeScalarView()
        for value in codePoints[start..<end] {
            // codePoints came from a String, so every value is a valid scalar.
            result.append(Unicode.Scalar(value)!)
        }
        return String(result)
    }

    public func slice(_ range: Range<Int>) -> String { slice(range.lowerBound, range.upperBound) }
}
