import Foundation
import TiquRules

extension RuleSet {
    /// The rule set in `directory`, or the default rules: those in ./Rules
    /// when no directory is given.
    public static func load(directory: String?) throws(RuleErrors) -> RuleSet {
        let source = try RuleSource.directory(directory ?? "Rules")
        return try RuleSetLoader.load(source)
    }
}
