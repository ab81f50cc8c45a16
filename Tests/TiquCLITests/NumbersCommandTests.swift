import Foundation
import XCTest

final class NumbersCommandTests: XCTestCase {
    func testTextOption() throws {
        let result = try TiquProcess.run(["numbers", "--text", "产量16.85万吨，增长3.4%"])
        XCTAssertEqual(result.status, 0)
        XCTAssertEqual(result.lines, [
            #"{"start": 2, "end": 8, "text": "16.85万", "value": 168500, "kind": "cardinal", "magnitude": "万"}"#,
            #"{"start": 12, "end": 16, "text": "3.4%", "value": 3.4, "kind": "percent"}"#,
        ])
    }

    func testBadFileInABatchDoesNotStopTheOthers() throws {
        let directory = try TiquProcess.scratch([
            "a.txt": Array("一万三".utf8),
            "bad.txt": Array("统计".utf8) + [0xB2, 0xE3] + Array("5".utf8),
            "empty.txt": [],
            "c.txt": Array("𠮷3.4%".utf8),
        ])
        let paths = ["a.txt", "bad.txt", "missing.txt", "empty.txt", "c.txt"].map { directory.appendingPathComponent($0).path }
        let result = try TiquProcess.run(["numbers"] + paths + [directory.path])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.lines.count, 2, result.stdout)
        XCTAssertEqual(json(result.lines[0])["value"] as? Int, 13000)
        XCTAssertEqual(json(result.lines[1])["start"] as? Int, 1, "code points: 𠮷 counts as one")
        XCTAssertTrue(result.stderr.contains("bad.txt: not valid UTF-8: bad byte at byte offset 6"), result.stderr)
        XCTAssertTrue(result.stderr.contains("missing.txt: no such file"), result.stderr)
        XCTAssertTrue(result.stderr.contains("is a directory"), result.stderr)
    }

    func testEmptyFileGivesNothingAndSucceeds() throws {
        let directory = try TiquProcess.scratch(["empty.txt": []])
        let result = try TiquProcess.run(["numbers", directory.appendingPathComponent("empty.txt").path])
        XCTAssertEqual(result.status, 0)
        XCTAssertEqual(result.stdout, "")
    }

    func testJSONLStreamOneLinePerInputLineInOrder() throws {
        var input = Data()
        input.append(Data(#"{"id": "a", "text": "三成"}"#.utf8 + [0x0A]))
        input.append(Data("not json\n".utf8))
        input.append(Data(#"{"id": 7, "txt": "x"}"#.utf8 + [0x0A]))
        input.append(Data([0x7B, 0xFF, 0x7D, 0x0A]))
        input.append(Data("\n".utf8))
        input.append(Data(#"{"id": "z", "text": ""}"#.utf8 + [0x0A]))
        input.append(Data(#"{"id": "last", "text": "400个"}"#.utf8))  // no final newline
        let result = try TiquProcess.run(["numbers", "--jsonl"], stdin: input)
        XCTAssertEqual(result.status, 0)
        let lines = result.lines.map(json)
        XCTAssertEqual(lines.count, 7, result.stdout)
        XCTAssertEqual(lines[0]["id"] as? String, "a")
        XCTAssertEqual(((lines[0]["numbers"] as? [[String: Any]])?.first?["value"]) as? Int, 30)
        XCTAssertEqual(lines[1]["line"] as? Int, 2)
        XCTAssertNotNil(lines[1]["error"])
        XCTAssertEqual(lines[2]["id"] as? Int, 7)
        XCTAssertNotNil(lines[2]["error"])
        XCTAssertEqual(lines[3]["line"] as? Int, 4)
        XCTAssertTrue((lines[3]["error"] as? String ?? "").contains("UTF-8"))
        XCTAssertEqual(lines[4]["line"] as? Int, 5)
        XCTAssertEqual((lines[5]["numbers"] as? [Any])?.count, 0)
        XCTAssertEqual(lines[6]["id"] as? String, "last")
    }

    func testFourHundredDigitNumeralIsExact() throws {
        let digits = String(repeating: "7", count: 400)
        let result = try TiquProcess.run(["numbers", "--text", digits + "元"])
        XCTAssertEqual(result.status, 0)
        XCTAssertTrue(result.stdout.contains("\"value\": \(digits),"), result.stdout)
    }

    func testVersionNamesICU() throws {
        let result = try TiquProcess.run(["--version"])
        XCTAssertTrue(result.stdout.contains("ICU "), result.stdout)
    }

    func testUsageErrorsSayWhatToDo() throws {
        let result = try TiquProcess.run(["numbers"])
        XCTAssertNotEqual(result.status, 0)
        XCTAssertTrue(result.stderr.contains("Give exactly one input"), result.stderr)
    }
}

final class SegmentCommandTests: XCTestCase {
    func testTokensTileAndSliceBack() throws {
        let text = "\u{FEFF}山南市2023年\r\nGDP增长3.4%𠮷"
        let result = try TiquProcess.run(["segment", "--text", text])
        XCTAssertEqual(result.status, 0)
        let tokens = result.lines.map(json)
        var position = 0
        let scalars = Array(text.unicodeScalars)
        for token in tokens {
            let start = token["start"] as! Int, end = token["end"] as! Int
            XCTAssertEqual(start, position)
            XCTAssertEqual(token["text"] as? String, String(String.UnicodeScalarView(scalars[start..<end])))
            position = end
        }
        XCTAssertEqual(position, scalars.count)
    }
}
