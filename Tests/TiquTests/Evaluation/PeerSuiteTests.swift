import Foundation
import XCTest
@testable import Tiqu

/// The numeral layer against other projects' suites (../shared/peer/), with
/// every failure accounted for in Corpus/peer-failures.tsv.
final class PeerSuiteTests: XCTestCase {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let peer = repository.deletingLastPathComponent().appendingPathComponent("shared/peer")

    static let suites = ["recognizers-zh/number.jsonl", "recognizers-zh/percent.jsonl",
                         "duckling-zh/numeral.jsonl", "cn2an/cn2an.jsonl"]

    /// suite name -> listed failing ids.
    private func knownFailures() throws -> [String: Set<String>] {
        let text = try String(contentsOf: Self.repository.appendingPathComponent("Corpus/peer-failures.tsv"), encoding: .utf8)
        var table: [String: Set<String>] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let fields = line.split(separator: "\t")
            XCTAssertEqual(fields.count, 4, "malformed line: \(line)")
            XCTAssertTrue(["gap", "disagree"].contains(String(fields[2])), "verdict must be gap or disagree: \(line)")
            table[String(fields[0]), default: []].insert(String(fields[1]))
        }
        return table
    }

    func testEverySuiteAtLeast95PercentAndEveryFailureListed() throws {
        guard FileManager.default.fileExists(atPath: Self.peer.path) else {
            throw XCTSkip("no ../shared/peer beside the repository")
        }
        let listed = try knownFailures()
        for relative in Self.suites {
            let suite = try PeerSuite.load(path: Self.peer.appendingPathComponent(relative).path)
            let outcomes = suite.run()
            let failing = outcomes.filter { !$0.passed }
            let rate = Double(outcomes.count - failing.count) / Double(outcomes.count)
            print("peer \(relative): \(outcomes.count - failing.count)/\(outcomes.count) = \(String(format: "%.1f", rate * 100))%")
            XCTAssertGreaterThanOrEqual(rate, 0.95, relative)
            let expected = listed[suite.name] ?? []
            for outcome in failing where !expected.contains(outcome.id) {
                XCTFail("\(relative) \(outcome.id) fails and is not in Corpus/peer-failures.tsv: \(outcome.detail)")
            }
            let nowPassing = expected.subtracting(failing.map(\.id))
            XCTAssertTrue(nowPassing.isEmpty, "now passing, remove from Corpus/peer-failures.tsv: \(nowPassing.sorted())")
        }
    }
}
