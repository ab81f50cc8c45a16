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
    }
}
