import Foundation
import TiquRules

extension RuleSource {
    /// The default rules, embedded in the binary from Rules/ at build time.
    public static var embedded: RuleSource {
        RuleSource(name: "Rules", files: Dictionary(EmbeddedRules.files.map { ($0.path, $0.contents) }, uniquingKeysWith: { a, _ in a }))
    }
}

extension RuleSet {
    /// The rule set in `directory`, or the embedded default rules when no
    /// directory is given.
    public static func load(directory: String?) throws(RuleErrors) -> RuleSet {
        try RuleSetLoader.load(try directory.map(RuleSource.directory) ?? .embedded)
    }
}
