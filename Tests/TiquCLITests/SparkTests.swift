import Foundation
import XCTest

/// Tiqu under Apache Spark (PySpark, local mode): every record of a JSONL file
/// piped through `tiqu annotate --jsonl` comes back annotated exactly as a
/// single-process run annotates it (Tests/Spark/spark_annotate.py checks).
final class SparkTests: XCTestCase {
    func testSparkPipeGivesTheSingleProcessAnnotations() throws {
        let probe = Process()
        probe.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        probe.arguments = ["python3", "-c", "import pyspark"]
        probe.standardError = FileHandle.nullDevice
        try probe.run()
        probe.waitUntilExit()
        guard probe.terminationStatus == 0 else { throw XCTSkip("pyspark is not installed (.ci/run installs it)") }

        var input = ""
        for k in 0..<300 {
            input += #"{"id": "r\#(k)", "text": "第\#(k)号：山南市完成投资\#(k + 1)亿元，粮食产量\#(k).5万吨，增长\#(k % 7)%。"}"# + "\n"
        }
        input += #"{"id": "no-text"}"# + "\n"
        let directory = try TiquProcess.scratch(["in.jsonl": Array(input.utf8)])
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Spark/spark_annotate.py")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path, TiquProcess.binary.path,
                             directory.appendingPathComponent("in.jsonl").path, directory.appendingPathComponent("out.jsonl").path, "--check"]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, text)
        XCTAssertTrue(text.contains("301 records annotated"), text)
        XCTAssertTrue(text.contains("0 differences"), text)
    }
}
