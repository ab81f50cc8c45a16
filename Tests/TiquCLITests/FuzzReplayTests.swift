import Foundation
import XCTest

/// Every committed fuzz input (seeds, and the inputs of crashes that were fixed)
/// goes through its harness again, invariants and all (Tests/Fuzz/run.sh fuzzes).
final class FuzzReplayTests: XCTestCase {
    func testCommittedInputsKeepTheirInvariants() throws {
        let fuzz = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fuzz")
        for harness in ["numerals", "rules", "annotate"] {
            let directories = ["seeds", "crashes"].map { fuzz.appendingPathComponent("\($0)/\(harness)").path }
                .filter { FileManager.default.fileExists(atPath: $0) }
            let process = Process()
            process.executableURL = Bundle.main.bundleURL.appendingPathComponent("TiquFuzz")
            process.arguments = [harness] + directories
            let output = Pipe()
            process.standardOutput = output
            try process.run()
            let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            XCTAssertEqual(process.terminationStatus, 0, "\(harness): \(text)")
            XCTAssertTrue(text.contains("all invariants held"), text)
        }
    }
}
