import Foundation
import XCTest
import TiquText
@testable import Tiqu

final class RecordStreamTests: XCTestCase {
    private struct Refused: Error, CustomStringConvertible {
        var description: String { "refused" }
    }

    /// Records that cannot be read, records whose work fails and good ones, mixed in one
    /// group: each line gets its own answer in place, and the work sees the readable
    /// records' documents only, in order.
    func testEveryLineOfAGroupGetsItsOwnAnswerInOrder() throws {
        let stream = RecordStream(field: "lengths", groupSize: 8) { documents in
            documents.map { document in
                document.text == "坏" ? .failure(Refused()) : .success([.int(document.count)])
            }
        }
        let lines = [#"{"id": 1, "text": "山南"}"#, "not json", #"{"id": 2, "text": "坏"}"#, "",
                     #"{"id": "x"}"#, #"{"id": 3, "text": "琼结县"}"#]
        let output = stream.process(lines.enumerated().map { (Array($1.utf8), $0 + 1) })
        XCTAssertEqual(output.count, lines.count)
        XCTAssertEqual(output[0], #"{"id": 1, "lengths": [2]}"#)
        XCTAssertEqual(output[5], #"{"id": 3, "lengths": [3]}"#)
        XCTAssertEqual(output[2], #"{"id": 2, "error": "refused"}"#)
        let errors = try output.map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] ?? [:] }
        XCTAssertEqual(errors[1]["line"] as? Int, 2)
        XCTAssertTrue((errors[1]["error"] as? String ?? "").hasPrefix("line 2 is not valid JSON"))
        XCTAssertEqual(errors[3]["line"] as? Int, 4)
        XCTAssertEqual(errors[4]["id"] as? String, "x")
        XCTAssertEqual(errors[4]["error"] as? String, #"record has no "text" string"#)
    }
}
