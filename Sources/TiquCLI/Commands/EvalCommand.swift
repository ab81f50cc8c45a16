import ArgumentParser
import Foundation
import Tiqu

struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Score Tiqu against test suites.",
        discussion: """
        --suite FILE scores the numeral layer on a JSONL suite of {"input", "expected"} lines, such as
        ../shared/peer/recognizers-zh/number.jsonl (matching rules: Corpus/PEER-SUITES.md).
        Example:
          tiqu eval --suite ../shared/peer/recognizers-zh/number.jsonl --errors
        """
    )

    @Option(name: .long, help: "A JSONL suite to score (repeatable).")
    var suite: [String] = []

    @Flag(name: .long, help: "List every failing case with what was missed or extra.")
    var errors = false

    @Option(name: .customLong("min-pass-rate"), help: "Exit 1 when a suite's pass rate is below this (0 to 1).")
    var minPassRate: Double?

    func validate() throws {
        guard !suite.isEmpty else {
            throw ValidationError("Give at least one --suite FILE. (Corpus evaluation comes with the default rules.)")
        }
    }

    func run() throws {
        var belowBar = false
        for path in suite {
            let loaded: PeerSuite
            do { loaded = try PeerSuite.load(path: path) } catch {
                throw ValidationError("\(path): cannot read the suite (\(error)). Give a JSONL file of {\"input\", \"expected\"} lines.")
            }
            let outcomes = loaded.run()
            let passed = outcomes.filter(\.passed).count
            let rate = Double(passed) / Double(max(outcomes.count, 1))
            print("\(path): \(passed)/\(outcomes.count) passed (\(String(format: "%.1f", 100 * rate)) %)")
            if errors { for outcome in outcomes where !outcome.passed { print("  \(outcome.id): \(outcome.detail)") } }
            if let minPassRate, rate < minPassRate { belowBar = true }
        }
        if belowBar { throw ExitCode(1) }
    }
}
