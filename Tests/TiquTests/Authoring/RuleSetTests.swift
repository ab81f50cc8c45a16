import XCTest
@testable import Tiqu
import TiquRules

/// The default rules in Rules/: every rule's examples and counters (the same
/// check as `tiqu test`), and the scores on the corpus test split.
final class RuleSetTests: XCTestCase {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func defaultRules() throws -> RuleSet {
        try RuleSetLoader.load(try RuleSource.directory(repository.appendingPathComponent("Rules").path))
    }

    func testEveryExampleAndCounterOfTheDefaultRules() throws {
        let report = ExampleRunner(annotator: Annotator(ruleSet: try Self.defaultRules())).run()
        XCTAssertGreaterThan(report.checked, 50)
        XCTAssertEqual(report.failures.count, 0, report.failures.map(\.description).joined(separator: "\n"))
    }

    func testExampleFailuresNameTheLineAndShowExpectedAndActual() throws {
        let files = ["r.tiqu": "rule r\n  type Q\n  pattern \"ab\"\n  example \"xab\" -> \"x\"\n  counter \"ab\"\nend\n"]
        let report = ExampleRunner(annotator: Annotator(ruleSet: try RuleSetLoader.load(RuleSource(name: "R", files: files)))).run()
        XCTAssertEqual(report.failures.count, 3, report.failures.map(\.description).joined(separator: "\n"))
        XCTAssertTrue(report.failures.contains { $0.description.hasPrefix("r.tiqu:4:") && $0.message.contains("expected Q \"x\"") && $0.message.contains("actual: \"ab\"") })
        XCTAssertTrue(report.failures.contains { $0.description.hasPrefix("r.tiqu:5:") && $0.message.contains("counter \"ab\" matched") })
        // Three checks (the example, the counter, the rule producing its own example),
        // all failed: the count of passes is never negative.
        XCTAssertEqual(report.checked, 3)
        XCTAssertEqual(report.passed, 0)
    }
}

/// The corpus is the test: the default rules on the test split of Corpus/,
/// held to bars a little below the figures measured when the rules were last
/// changed, so a rule change that regresses fails here and in CI.
final class CorpusTests: XCTestCase {
    func testGoldFilesAreConsistentWithTheirDocuments() throws {
        let root = RuleSetTests.repository.appendingPathComponent("Corpus").path
        XCTAssertNoThrow(try CorpusEvaluation.load(docs: root + "/docs", gold: root + "/gold"))
    }

    /// Strict F1 of the default rules on one split of the corpus.
    private func report(split: String) throws -> EvaluationReport {
        let root = RuleSetTests.repository.appendingPathComponent("Corpus").path
        let names = try CorpusEvaluation.names(inSplit: split, file: root + "/split.tsv")
        XCTAssertGreaterThanOrEqual(names.count, 4)
        var evaluation = try CorpusEvaluation.load(docs: root + "/docs", gold: root + "/gold", names: names)
        try evaluation.annotate(with: Annotator(ruleSet: try RuleSetTests.defaultRules()))
        let report = evaluation.report()
        print(report.table())
        return report
    }

    // The bars sit a little below the measured figures (README), so that a rule change
    // that loses ground fails here; on the test split they are at least issue #4's
    // targets (QUANTITY and PERCENT 0.97, PLACE 0.93, PROJECT 0.85).
    func testScoresOnTheTestSplit() throws {
        try assertScores(split: "test", bars: ["QUANTITY": 0.97, "PERCENT": 0.97, "PLACE": 0.93, "PROJECT": 0.89])
    }

    func testScoresOnTheDevSplit() throws {
        try assertScores(split: "dev", bars: ["QUANTITY": 0.98, "PERCENT": 0.99, "PLACE": 0.95, "PROJECT": 0.92])
    }

    /// Strict F1 per type at least its bar, and value accuracy at least 0.99.
    private func assertScores(split: String, bars: [String: Double], line: UInt = #line) throws {
        let report = try report(split: split)
        for (type, bar) in bars.sorted(by: { $0.key < $1.key }) {
            XCTAssertGreaterThanOrEqual(report.f1(type), bar, "\(split) \(type)", line: line)
        }
        XCTAssertGreaterThanOrEqual(report.overallValueAccuracy, 0.99, "\(split) value accuracy", line: line)
    }
}

final class EmbeddedRulesTests: XCTestCase {
    func testTheBinaryCarriesExactlyTheFilesOfRules() throws {
        let onDisk = try RuleSource.directory(RuleSetTests.repository.appendingPathComponent("Rules").path)
        XCTAssertEqual(RuleSource.embedded.files, onDisk.files)
        XCTAssertEqual(try RuleSet.load(directory: nil).rules.count, try RuleSetTests.defaultRules().rules.count)
    }
}
