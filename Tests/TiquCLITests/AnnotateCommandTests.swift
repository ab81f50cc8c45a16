import Foundation
import XCTest

final class AnnotateCommandTests: XCTestCase {
    func testRunsOnEmbeddedRulesFromAnyDirectoryAndKeepsGoingPastBadFiles() throws {
        let directory = try TiquProcess.scratch(["a.txt": Array("山南市粮食产量16.85万吨".utf8), "b.txt": [0xFF]])
        let result = try TiquProcess.run(["annotate", directory.path])
        XCTAssertEqual(result.status, 1, "b.txt is not UTF-8")
        XCTAssertTrue(result.stderr.contains("b.txt: not valid UTF-8"), result.stderr)
        let lines = result.lines.map(json)
        XCTAssertEqual(lines.map { $0["type"] as? String }, ["PLACE", "QUANTITY"])
        XCTAssertEqual(lines[1]["value"] as? Int, 168500)
        XCTAssertEqual(lines[1]["rule"] as? String, "quantity.unit")
        XCTAssertTrue((lines[1]["source"] as? String ?? "").hasPrefix("Rules/quantity.tiqu:"))
    }

    func testRuleErrorsArePrintedWithLocationAndCaret() throws {
        let directory = try TiquProcess.scratch(["r.tiqu": Array("rule r\n  type X\n  pattern (\"a\"\nend\n".utf8)])
        let result = try TiquProcess.run(["test", "--rules", directory.path])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("r.tiqu:3:"), result.stderr)
        XCTAssertTrue(result.stderr.contains("^"), result.stderr)
    }

    func testTypesSelectsTheNumeralLayerAndRejectsUnknownTypes() throws {
        let numbers = try TiquProcess.run(["annotate", "--types", "NUMBER", "--text", "粮食产量16.85万吨，增长3%"])
        XCTAssertEqual(numbers.status, 0, numbers.stderr)
        let lines = numbers.stdout.split(separator: "\n").map { json(String($0)) }
        XCTAssertEqual(lines.map { $0["type"] as? String }, ["NUMBER", "NUMBER"])
        XCTAssertEqual(lines.map { $0["text"] as? String }, ["16.85万", "3%"])
        XCTAssertEqual(lines.first?["rule"] as? String, "numerals")

        let unknown = try TiquProcess.run(["annotate", "--types", "PLACE,BOGUS", "--text", "琼结县"])
        XCTAssertNotEqual(unknown.status, 0)
        XCTAssertTrue(unknown.stdout.isEmpty)
        XCTAssertTrue(unknown.stderr.contains("no entities of type BOGUS"), unknown.stderr)
    }
}

final class AnnotateStreamTests: XCTestCase {
    func testOneLinePerRecordInOrderAndIdenticalForAnyJobs() throws {
        var input = ""
        for k in 0..<200 { input += #"{"id": \#(k), "text": "第\#(k)项：山南市完成投资\#(k + 1)亿元，增长\#(k % 9).5%"}"# + "\n" }
        input += "not json\n" + #"{"id": "no-text"}"# + "\n\n" + #"{"id": "bad-escape", "text": "\ud800"}"# + "\n"
        let one = try TiquProcess.run(["annotate", "--jsonl", "--jobs", "1"], stdin: Data(input.utf8))
        let two = try TiquProcess.run(["annotate", "--jsonl", "--jobs", "2"], stdin: Data(input.utf8))
        XCTAssertEqual(one.status, 0)
        XCTAssertEqual(one.stdout, two.stdout, "--jobs must not change the output")
        let lines = one.lines.map(json)
        XCTAssertEqual(lines.count, 204)
        XCTAssertEqual(lines[0..<200].map { $0["id"] as? Int }, Array(0..<200))
        let money = (lines[7]["entities"] as? [[String: Any]])?.first { $0["type"] as? String == "QUANTITY" }
        XCTAssertEqual(money?["value"] as? Int, 800_000_000)
        XCTAssertEqual(lines[200]["line"] as? Int, 201)
        XCTAssertEqual(lines[201]["id"] as? String, "no-text")
        XCTAssertNotNil(lines[202]["error"])
        XCTAssertNotNil(lines[203]["error"] ?? lines[203]["entities"], "a lone surrogate gives an error or an annotation, never a lost record")
    }
}
