import Foundation
import XCTest
@testable import Tiqu

final class ConversionTests: XCTestCase {
    private func scratch(_ files: [String: String]) throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tiqu-convert-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for (name, text) in files { try Data(text.utf8).write(to: directory.appendingPathComponent(name)) }
        return directory
    }

    func testBratRoundTripKeepsSpansValuesAndEmptyUnits() throws {
        let text = "𠮷山南市财政收入248亿元，35万人"
        var entities = [ScoredEntity(doc: "a", start: 1, end: 4, type: "PLACE", text: "山南市"),
                        ScoredEntity(doc: "a", start: 8, end: 13, type: "QUANTITY", text: "248亿元")]
        entities[1].value = 24_800_000_000; entities[1].unit = "元"; entities[1].qualifier = "exact"
        var third = ScoredEntity(doc: "a", start: 14, end: 17, type: "QUANTITY", text: "35万")
        third.value = 350000; third.unit = ""
        entities.append(third)
        let annotated = AnnotatedDocument(name: "a", document: Document(text: text), entities: entities)
        let directory = try scratch(["a.txt": text, "a.ann": BratFormat.annText(annotated)])
        let read = try BratFormat.read(annPath: directory.appendingPathComponent("a.ann").path)
        XCTAssertEqual(read.problems(), [])
        XCTAssertEqual(read.goldLines(), annotated.goldLines())
        XCTAssertTrue(read.goldLines().contains(#""value": 24800000000, "unit": "元""#))
    }

    func testLabelStudioUTF16OffsetsBecomeCodePoints() throws {
        // 𠮷 is two UTF-16 units: Label Studio's 山南 starts at 2, which is code point 1.
        let export = #"[{"id": 7, "data": {"text": "𠮷山南市"}, "annotations": [{"result": [{"value": {"start": 2, "end": 5, "labels": ["PLACE"]}}]}]}]"#
        let directory = try scratch(["ls.json": export])
        let documents = try SpanFormat.labelStudio.read(path: directory.appendingPathComponent("ls.json").path)
        XCTAssertEqual(documents.map(\.name), ["7"])
        XCTAssertEqual(documents[0].entities.map { [$0.start, $0.end] }, [[1, 4]])
        XCTAssertEqual(documents[0].problems(), [])
        XCTAssertTrue(documents[0].goldLines().contains(#""text": "山南市""#))
    }

    func testDoccanoAndProdigy() throws {
        let doccano = #"{"id": "d1", "text": "增长3.4%", "label": [[2, 6, "PERCENT"]]}"# + "\n"
            + #"{"id": "d2", "text": "琼结县", "entities": [{"start_offset": 0, "end_offset": 3, "label": "PLACE"}]}"#
        let prodigy = #"{"text": "琼结县", "spans": [{"start": 0, "end": 3, "label": "PLACE"}], "meta": {"name": "p"}}"#
        let directory = try scratch(["d.jsonl": doccano, "p.jsonl": prodigy])
        let fromDoccano = try SpanFormat.doccano.read(path: directory.appendingPathComponent("d.jsonl").path)
        XCTAssertEqual(fromDoccano.map(\.name), ["d1", "d2"])
        XCTAssertEqual(fromDoccano.map { $0.entities.map(\.type) }, [["PERCENT"], ["PLACE"]])
        let fromProdigy = try SpanFormat.prodigy.read(path: directory.appendingPathComponent("p.jsonl").path)
        XCTAssertEqual(fromProdigy.first?.name, "p")
    }

    func testMismatchedSpansAreReported() {
        let bad = AnnotatedDocument(name: "x", document: Document(text: "山南市"),
                                    entities: [ScoredEntity(doc: "x", start: 0, end: 2, type: "PLACE", text: "南市")])
        XCTAssertEqual(bad.problems().count, 1)
        let outside = AnnotatedDocument(name: "x", document: Document(text: "山"),
                                        entities: [ScoredEntity(doc: "x", start: 0, end: 5, type: "PLACE", text: "")])
        XCTAssertTrue(outside.problems()[0].contains("outside the text"))
    }
}
