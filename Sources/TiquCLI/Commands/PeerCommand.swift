import ArgumentParser
import Tiqu

/// Temporary developer hook until `tiqu eval` scores suites.
struct PeerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "peer", abstract: "Score the numeral layer on peer JSONL suites.")
    @Argument(help: "Suite files.") var files: [String]
    @Flag(help: "List failures.") var failures = false
    func run() throws {
        for path in files {
            let suite = try PeerSuite.load(path: path)
            let outcomes = suite.run()
            let passed = outcomes.filter(\.passed).count
            print("\(suite.name): \(passed)/\(outcomes.count) = \(String(format: "%.1f", 100.0 * Double(passed) / Double(max(outcomes.count, 1))))%")
            if failures { for o in outcomes where !o.passed { print("  \(o.id): \(o.detail)") } }
        }
    }
}
