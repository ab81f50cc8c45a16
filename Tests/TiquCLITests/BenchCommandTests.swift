import Foundation
import XCTest

final class BenchCommandTests: XCTestCase {
    /// The seed report, found from this file so that the test runs from any directory.
    private var seed: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Corpus/docs/shannan-2023.txt").path
    }

    func testRuleCostsAreListedCostliestFirstInTheTableAndInJSON() throws {
        let arguments = ["bench", seed, "--megabytes", "0.05", "--rounds", "1", "--rule-costs", "3"]
        let table = try TiquProcess.run(arguments)
        XCTAssertEqual(table.status, 0, table.stderr)
        XCTAssertTrue(table.stdout.contains("rule costs:"), table.stdout)
        XCTAssertTrue(table.stdout.contains("place.suffixed"), "the costliest rule on the seed")

        let result = try TiquProcess.run(arguments + ["--json"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let object = json(result.stdout)
        XCTAssertEqual((object["stages"] as? [Any])?.count, 5)
        let rows = try XCTUnwrap(object["rule_costs"] as? [[String: Any]], result.stdout)
        XCTAssertEqual(rows.count, 3)
        let steps = rows.map { ($0["thread_steps"] as? Int ?? 0) + ($0["lookaround_steps"] as? Int ?? 0) }
        XCTAssertEqual(steps, steps.sorted(by: >), "costliest first")
        XCTAssertLessThanOrEqual(steps.reduce(0, +), object["rule_steps"] as? Int ?? 0)
        XCTAssertTrue(rows.allSatisfy { ($0["source"] as? String)?.contains(".tiqu:") == true })
        // The same text gives the same counts: they are steps, not timings.
        XCTAssertEqual(json(try TiquProcess.run(arguments + ["--json"]).stdout)["rule_steps"] as? Int, object["rule_steps"] as? Int)
    }
}
