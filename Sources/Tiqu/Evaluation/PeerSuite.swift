import Foundation
import TiquNumerals
import TiquText

/// Scores the numeral normaliser against other projects' test suites in the
/// shared JSONL form (`{"id", "input", "expected": [{"start", "end", "value"}]}`).
///
/// The matching is documented in Corpus/PEER-SUITES.md: an expected entity is
/// found when a numeral of ours overlaps its span and has the same value
/// (percentages compared in percent; relative tolerance 1e-9, since the peers
/// print values through binary floating point). A case passes when every
/// expected entity is found and no numeral of the suite's kinds stands where
/// nothing was expected. Cases the peer's own reference implementation does
/// not pass (`not_supported` naming dotnet) are skipped.
public struct PeerSuite: Sendable {
    public enum Family: String, Sendable { case number, percent }

    public struct Case: Sendable {
        public let id: String
        public let input: String
        public let expected: [Expected]
        public let skipped: Bool
    }

    public struct Expected: Sendable {
        public let start: Int
        public let end: Int
        public let value: Double
    }

    public struct Outcome: Sendable {
        public let id: String
        public let passed: Bool
        /// What went wrong, for the failure listing.
        public let detail: String
    }

    public let name: String
    public let family: Family
    public let cases: [Case]

    /// Reads a suite file. The family follows the file name: percent.jsonl is
    /// scored on percentage kinds, everything else on number kinds.
    public static func load(path: String) throws -> PeerSuite {
        let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        let data = try String(contentsOfFile: path, encoding: .utf8)
        let cases = try data.split(separator: "\n").map { try parseCase(String($0)) }
        return PeerSuite(name: name, family: name.contains("percent") ? .percent : .number, cases: cases)
    }

    private static func parseCase(_ line: String) throws -> Case {
        guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
              let id = object["id"] as? String, let input = object["input"] as? String
        else { throw CocoaError(.coderReadCorrupt) }
        let expected = (object["expected"] as? [[String: Any]] ?? []).compactMap { entity -> Expected? in
            guard let start = entity["start"] as? Int, let end = entity["end"] as? Int,
                  let raw = entity["value"] as? String,
                  let value = Double(raw.replacingOccurrences(of: "%", with: ""))
            else { return nil }
            return Expected(start: start, end: end, value: value)
        }
        let notSupported = (object["not_supported"] as? String ?? "").contains("dotnet")
        return Case(id: id, input: input, expected: expected, skipped: notSupported)
    }

    public func run(scanner: NumeralScanner = NumeralScanner()) -> [Outcome] {
        cases.filter { !$0.skipped }.map { score($0, scanner.scan(Document(text: $0.input))) }
    }

    private func score(_ testCase: Case, _ numerals: [Numeral]) -> Outcome {
        var problems: [String] = []
        for expected in testCase.expected where !numerals.contains(where: { matches($0, expected) }) {
            let text = Document(text: testCase.input).slice(expected.start, expected.end)
            problems.append("missed \(text)=\(expected.value)")
        }
        for numeral in numerals where inFamily(numeral) && !testCase.expected.contains(where: { overlaps(numeral, $0) }) {
            problems.append("extra \(Document(text: testCase.input).slice(numeral.start, numeral.end))")
        }
        let found = numerals.map { "\(Document(text: testCase.input).slice($0.start, $0.end))=\($0.value?.description ?? "\($0.min!)..\($0.max!)")" }
        return Outcome(id: testCase.id, passed: problems.isEmpty,
                       detail: problems.joined(separator: "; ") + " (found: \(found.joined(separator: ", ")))")
    }

    private func overlaps(_ numeral: Numeral, _ expected: Expected) -> Bool {
        numeral.start < expected.end && expected.start < numeral.end
    }

    private func matches(_ numeral: Numeral, _ expected: Expected) -> Bool {
        guard overlaps(numeral, expected) else { return false }
        let values = [numeral.value, numeral.min, numeral.max].compactMap { $0?.doubleValue }
        return values.contains { abs($0 - expected.value) <= 1e-9 * max(1, abs(expected.value)) }
    }

    private func inFamily(_ numeral: Numeral) -> Bool {
        let percentKinds: Set<NumeralKind> = [.percent, .permille, .permyriad, .percentagePoint]
        return (family == .percent) == percentKinds.contains(numeral.kind)
    }
}
