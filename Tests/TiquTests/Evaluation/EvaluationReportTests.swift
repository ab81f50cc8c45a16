import XCTest
import TiquText
@testable import Tiqu

/// The error listing agrees with the per-type rows of the table.
final class EvaluationReportTests: XCTestCase {
    private let text = "建成沙河镇水库，清水乡"

    private func e(_ start: Int, _ end: Int, _ type: String) -> ScoredEntity {
        let scalars = Array(text.unicodeScalars)
        return ScoredEntity(doc: "d", start: start, end: end, type: type,
                            text: String(String.UnicodeScalarView(scalars[start..<end])))
    }

    private func report(gold: [ScoredEntity], predicted: [ScoredEntity]) -> EvaluationReport {
        EvaluationReport([CorpusEvaluation.Item(name: "d", document: Document(name: "d", text: text), gold: gold, predicted: predicted)])
    }

    /// A PROJECT that holds a PLACE found on its own is still a miss of its type.
    func testAMissAroundANestedFindIsListed() {
        let report = report(gold: [e(2, 7, "PROJECT"), e(2, 5, "PLACE")], predicted: [e(2, 5, "PLACE")])
        let errors = report.errors()
        XCTAssertTrue(errors.contains("MISS  PROJECT \"沙河镇水库\""), errors)
        XCTAssertFalse(errors.contains("MISS  PLACE"), errors)
        XCTAssertEqual(report.counts["PROJECT"]?[.strict]?.missed, 1)
    }

    /// A span found with the wrong type is listed once, as TYPE, not also as a miss.
    func testASpanOfAnotherTypeIsListedAsTypeOnly() {
        let errors = report(gold: [e(8, 11, "PLACE")], predicted: [e(8, 11, "PROJECT")]).errors()
        XCTAssertTrue(errors.contains("TYPE  PROJECT \"清水乡\" is PLACE in gold"), errors)
        XCTAssertFalse(errors.contains("MISS"), errors)
    }

    /// Every miss the table counts is listed, per type.
    func testListedMissesMatchTheTableOnTheCorpusShape() {
        let gold = [e(2, 7, "PROJECT"), e(2, 5, "PLACE"), e(8, 11, "PLACE")]
        let report = report(gold: gold, predicted: [e(2, 7, "PROJECT")])
        let listed = report.errors().components(separatedBy: "\n").filter { $0.contains(" MISS ") }
        let counted = ["PLACE", "PROJECT"].map { report.counts[$0]?[.strict]?.missed ?? 0 }.reduce(0, +)
        XCTAssertEqual(listed.count, counted)
        XCTAssertEqual(listed.count, 2)
    }

    /// A run compared with its own `--json` output changes nothing, though the baseline
    /// holds F1 to four places and the run does not (here F1 is 2/3 for each type).
    func testGoldAndSplitFilesSavedWithCRLFAreRead() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("crlf-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        for folder in ["docs", "gold"] {
            try FileManager.default.createDirectory(at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        try "琼结县建成".write(to: root.appendingPathComponent("docs/a.txt"), atomically: true, encoding: .utf8)
        try "{\"start\": 0, \"end\": 3, \"type\": \"PLACE\", \"text\": \"琼结县\"}\r\n{\"start\": 0, \"end\": 2, \"type\": \"PLACE\", \"text\": \"琼结\"}\r\n"
            .write(to: root.appendingPathComponent("gold/a.jsonl"), atomically: true, encoding: .utf8)
        try "a\tdev\r\nb\ttest\r\n".write(to: root.appendingPathComponent("split.tsv"), atomically: true, encoding: .utf8)
        XCTAssertEqual(try CorpusEvaluation.names(inSplit: "dev", file: root.appendingPathComponent("split.tsv").path), ["a"])
        let evaluation = try CorpusEvaluation.load(docs: root.appendingPathComponent("docs").path, gold: root.appendingPathComponent("gold").path)
        XCTAssertEqual(evaluation.items.first?.gold.map(\.text), ["琼结县", "琼结"])
    }

    func testAMissingDocumentsDirectorySaysWhatToPass() {
        XCTAssertThrowsError(try CorpusEvaluation.load(docs: "/nonexistent/docs", gold: "/nonexistent/gold")) { error in
            XCTAssertTrue("\(error)".contains("/nonexistent/docs: no such directory of documents (pass --docs DIR"), "\(error)")
        }
    }

    func testARunAgainstItsOwnBaselineShowsNoChange() throws {
        let report = report(gold: [e(2, 5, "PLACE"), e(8, 11, "PLACE"), e(2, 7, "PROJECT")],
                            predicted: [e(2, 5, "PLACE"), e(2, 7, "PROJECT"), e(0, 2, "PROJECT")])
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("baseline-\(UUID().uuidString).json").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: Data(report.json().serialized().utf8)))
        let lines = try report.compare(toBaseline: path).components(separatedBy: "\n").filter { $0.contains("strict F1") }
        XCTAssertEqual(lines.count, 3)   // PLACE, PROJECT, ALL
        for line in lines { XCTAssertTrue(line.hasSuffix("(+0.000)"), line) }
    }
}
