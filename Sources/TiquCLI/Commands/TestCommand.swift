import ArgumentParser
import Tiqu

struct TestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run every rule's example and counter lines; report each failure with file:line, expected and actual."
    )

    @OptionGroup var ruleOptions: RuleOptions

    func run() throws {
        let report = ExampleRunner(annotator: Annotator(ruleSet: try ruleOptions.load())).run()
        for failure in report.failures { print(failure) }
        print("tiqu test: \(report.passed) passed, \(report.failures.count) failed")
        if !report.failures.isEmpty { throw ExitCode(1) }
    }
}
