import ArgumentParser
import Tiqu
import TiquRules

/// `--rules DIR`, shared by the commands that run rules.
struct RuleOptions: ParsableArguments {
    @Option(name: .long, help: "Rules directory (*.tiqu files and lexicons/). Default: the default rules built into tiqu.")
    var rules: String?

    /// Loads the rules or prints every diagnostic and exits 1.
    func load() throws -> RuleSet {
        do {
            return try RuleSet.load(directory: rules)
        } catch {
            StandardError.line(error.description)
            StandardError.line("Fix the rule files above (each error shows file:line:column), then run the command again.")
            throw ExitCode(1)
        }
    }
}
