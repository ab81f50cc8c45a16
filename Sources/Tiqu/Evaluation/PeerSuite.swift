import Foundation
import TiquNumerals
import TiquText

/// Scores Tiqu against other projects' test suites in the shared JSONL form
/// (`{"id", "input", "expected": [{"start", "end", "value", "unit"?}]}`): the
/// numeral layer on number and percentage suites, the QUANTITY entities of a rule
/// set on suites whose expected entities carry units.
///
/// The matching is documented in Corpus/PEER-SUITES.md: an expected entity is
/// found when a numeral of ours (a QUANTITY, for one with a unit) overlaps its span
/// and has the same value (percentages compared in percent; amounts converted to
/// the peer's unit by `PeerUnits`; relative tolerance 1e-9, since the peers print
/// values through binary floating point). A case passes when every expected entity
/// is found and nothing of the suite's kinds stands where nothing was expected:
/// no numeral of its family, or, in a unit suite, no QUANTITY measuring what the
/// suite measures. Cases the peer's own reference implementation does not pass
/// (`not_supported` naming dotnet) are skipped.
public struct PeerSuite: Sendable {
    /// What a suite scores: numerals, percentages, or amounts with units.
    public enum Family: String, Sendable { case number, percent, unit }

    public struct Case: Sendable {
        public let id: String
        public let input: String
        public let expected: [Expected]
        public let skipped: Bool
    }

    public struct Expected: Sendable {
        public let start: Int
        public let end: Int
        /// The value, or the bounds of a range (either may match).
        public let bounds: [Double]
        /// The peer's unit name, for an amount with a unit.
        public let unit: String?
        /// An interval such as "(20,35]" or "[30,)" (Recognizers-Text's number
        /// ranges), whose bounds must both be found.
        public let interval: Interval?
    }

    /// An interval's bounds; nil where it is open-ended. Whether a bound is
    /// included is not compared: Tiqu's schema has no open bounds, and 以上 is
    /// "at least" (ge) in ANNOTATION.md where Recognizers-Text reads "more than".
    public struct Interval: Sendable {
        public let lower: Double?
        public let upper: Double?

        /// "(20,35]", "[30,)", "(,100]"; nil for anything else.
        init?(_ text: String) {
            guard let first = text.first, let last = text.last, "([".contains(first), ")]".contains(last) else { return nil }
            let parts = text.dropFirst().dropLast().split(separator: ",", omittingEmptySubsequences: false)
            guard parts.count == 2 else { return nil }
            let bounds = parts.map { $0.trimmingCharacters(in: .whitespaces) }
            lower = bounds[0].isEmpty ? nil : Double(bounds[0])
            upper = bounds[1].isEmpty ? nil : Double(bounds[1])
            guard lower != nil || upper != nil else { return nil }
        }
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
    /// In a unit suite, the dimensions its units measure (mass, length, ...).
    let dimensions: Set<String>

    /// Reads a suite file. A suite whose expected entities carry units is scored on
    /// amounts; otherwise the file name decides: percent.jsonl is scored on
    /// percentage kinds, everything else on number kinds.
    public static func load(path: String) throws -> PeerSuite {
        let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        let data = try String(contentsOfFile: path, encoding: .utf8)
        let cases = try data.split(separator: "\n").map { try parseCase(String($0)) }
        let units = Set(cases.flatMap { $0.expected.compactMap(\.unit) })
        let family: Family = !units.isEmpty ? .unit : name.contains("percent") ? .percent : .number
        return PeerSuite(name: name, family: family, cases: cases,
                         dimensions: Set(units.compactMap(PeerUnits.dimension(ofPeer:))))
    }

    private static func parseCase(_ line: String) throws -> Case {
        guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
              let id = object["id"] as? String, let input = object["input"] as? String
        else { throw CocoaError(.coderReadCorrupt) }
        let expected = (object["expected"] as? [[String: Any]] ?? []).compactMap { entity -> Expected? in
            guard let start = entity["start"] as? Int, let end = entity["end"] as? Int,
                  let raw = entity["value"] as? String
            else { return nil }
            if let interval = Interval(raw) {
                return Expected(start: start, end: end, bounds: [], unit: nil, interval: interval)
            }
            // A range is "lo..hi", "lo.." or "..hi" (duckling-zh/README.md).
            let bounds = raw.replacingOccurrences(of: "%", with: "").components(separatedBy: "..").compactMap(Double.init)
            guard !bounds.isEmpty else { return nil }
            return Expected(start: start, end: end, bounds: bounds, unit: entity["unit"] as? String, interval: nil)
        }
        let notSupported = (object["not_supported"] as? String ?? "").contains("dotnet")
        return Case(id: id, input: input, expected: expected, skipped: notSupported)
    }

    /// Scores every case; `annotator` finds the amounts of a unit suite (its
    /// QUANTITY entities), the numeral layer everything else.
    public func run(scanner: NumeralScanner = NumeralScanner(), annotator: Annotator) -> [Outcome] {
        cases.filter { !$0.skipped }.map { testCase in
            let document = Document(text: testCase.input)
            let amounts = family == .unit
                ? ((try? annotator.annotate(document)) ?? []).filter { $0.type == "QUANTITY" }.map(Found.init(quantity:))
                : []
            return score(testCase, document, numerals: scanner.scan(document).map(Found.init(numeral:)), amounts: amounts)
        }
    }

    /// A numeral or a QUANTITY of ours, as the scorer sees it.
    private struct Found {
        let start: Int
        let end: Int
        let value: Double?
        let min: Double?
        let max: Double?
        let qualifier: String?
        let unit: String?
        let isPercentage: Bool

        init(numeral: Numeral) {
            start = numeral.start
            end = numeral.end
            (value, min, max) = (numeral.value?.doubleValue, numeral.min?.doubleValue, numeral.max?.doubleValue)
            qualifier = numeral.qualifier?.rawValue
            unit = nil
            isPercentage = [.percent, .permille, .permyriad, .percentagePoint].contains(numeral.kind)
        }

        init(quantity: Entity) {
            start = quantity.start
            end = quantity.end
            (value, min, max) = (quantity.value?.doubleValue, quantity.min?.doubleValue, quantity.max?.doubleValue)
            qualifier = quantity.qualifier
            unit = quantity.unit
            isPercentage = false
        }

        var values: [Double] { [value, min, max].compactMap { $0 } }

        func overlaps(_ expected: Expected) -> Bool { start < expected.end && expected.start < end }

        /// Whether this has the expected value, converted to the expected unit if it
        /// has one, or the expected interval's bounds.
        func matches(_ expected: Expected) -> Bool {
            guard overlaps(expected) else { return false }
            if let interval = expected.interval { return matches(interval) }
            let candidates = expected.unit.map { name in values.flatMap { PeerUnits.convert($0, from: unit ?? "", to: name) } } ?? values
            return candidates.contains { value in expected.bounds.contains { Found.same(value, $0) } }
        }

        /// Both bounds of a closed interval (a range of ours, or one value for [v,v]);
        /// one bound and a qualifier on that side for a half-open one.
        private func matches(_ interval: Interval) -> Bool {
            switch (interval.lower, interval.upper) {
            case let (lower?, upper?) where lower == upper: value.map { Found.same($0, lower) } ?? false
            case let (lower?, upper?): Found.same(min, lower) && Found.same(max, upper)
            case let (lower?, nil): Found.same(value, lower) && ["gt", "ge"].contains(qualifier)
            case let (nil, upper?): Found.same(value, upper) && ["lt", "le"].contains(qualifier)
            case (nil, nil): false
            }
        }

        /// Equal up to the peers' binary floating point.
        static func same(_ a: Double?, _ b: Double) -> Bool {
            guard let a else { return false }
            return abs(a - b) <= 1e-9 * Swift.max(1, abs(b))
        }
    }

    private func score(_ testCase: Case, _ document: Document, numerals: [Found], amounts: [Found]) -> Outcome {
        var problems: [String] = []
        for expected in testCase.expected where !(expected.unit == nil ? numerals : amounts).contains(where: { $0.matches(expected) }) {
            let bounds = expected.interval.map { "(\($0.lower.map { "\($0)" } ?? ""),\($0.upper.map { "\($0)" } ?? ""))" }
                ?? expected.bounds.map { "\($0)" }.joined(separator: "..")
            problems.append("missed \(document.slice(expected.start, expected.end))=\(bounds)\(expected.unit.map { " " + $0 } ?? "")")
        }
        for found in scored(numerals: numerals, amounts: amounts) where !testCase.expected.contains(where: { found.overlaps($0) }) {
            problems.append("extra \(document.slice(found.start, found.end))")
        }
        let shown = (family == .unit ? amounts : numerals).map { found in
            "\(document.slice(found.start, found.end))=\(found.values.map { "\($0)" }.joined(separator: ".."))\(found.unit.map { " " + $0 } ?? "")\(found.qualifier.map { " " + $0 } ?? "")"
        }
        return Outcome(id: testCase.id, passed: problems.isEmpty,
                       detail: problems.joined(separator: "; ") + " (found: \(shown.joined(separator: ", ")))")
    }

    /// What may not stand where nothing was expected: the numerals of the suite's
    /// family, or the amounts that measure what a unit suite measures.
    private func scored(numerals: [Found], amounts: [Found]) -> [Found] {
        switch family {
        case .number: numerals.filter { !$0.isPercentage }
        case .percent: numerals.filter(\.isPercentage)
        case .unit: amounts.filter { !PeerUnits.dimensions(ofWritten: $0.unit ?? "").isDisjoint(with: dimensions) }
        }
    }
}
