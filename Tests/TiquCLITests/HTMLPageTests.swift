import Foundation
import XCTest

/// The HTML page as a browser shows it: headless Chromium loads the page, runs
/// its script, and the test reads the DOM Chromium built.
final class HTMLPageTests: XCTestCase {
    private func chromium() -> String? {
        ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    func testPageRendersEveryEntityAndEveryFigureInChromium() throws {
        guard let browser = chromium() else { throw XCTSkip("no chromium here (.ci/run installs it)") }
        let text = "山南市粮食产量16.85万吨，增长3.4%。开工建设贡嘎机场二跑道。"
        let directory = try TiquProcess.scratch(["doc.txt": Array(text.utf8)])
        let out = directory.appendingPathComponent("html")
        let annotate = try TiquProcess.run(["annotate", "--format", "html", "--out", out.path, directory.appendingPathComponent("doc.txt").path])
        XCTAssertEqual(annotate.status, 0, annotate.stderr)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: browser)
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--dump-dom", out.appendingPathComponent("doc.html").absoluteString]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let dom = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()

        // The page's script ran in the browser and counted the marks it found.
        let rendered = dom.firstMatch(of: /data-rendered="(\d+)"/).map { Int($0.1)! }
        let marks = dom.matches(of: /<mark class="e" data-id=/).count
        XCTAssertNotNil(rendered, "the page's script did not run:\n\(dom.prefix(400))")
        XCTAssertEqual(rendered, marks)
        // QUANTITY 16.85万吨, PERCENT 3.4%, PLACE 山南市 and 贡嘎, PROJECT 贡嘎机场二跑道 (nested marks).
        for label in ["QUANTITY", "PERCENT", "PLACE", "PROJECT"] {
            XCTAssertTrue(dom.contains("<span class=\"label\">\(label)</span>"), label)
        }
        XCTAssertTrue(dom.contains("rule: quantity.unit (Rules/quantity.tiqu:"), "details carry the rule and its source line")
        let figureRows = dom.matches(of: /<tr><td>/).count
        XCTAssertEqual(figureRows, 2, "one table row per QUANTITY and PERCENT")
        XCTAssertTrue(dom.contains("<td>168500</td>"))
    }
}
