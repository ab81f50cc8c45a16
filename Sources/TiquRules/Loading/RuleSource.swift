import Foundation

/// The files of a rule set, read into memory before anything is parsed: the
/// `.tiqu` rule files and the lexicons, by path relative to the rules directory.
///
/// Everything a rule set names (imports, lexicons) is looked up here, never on
/// disk, so rule files cannot make Tiqu read outside their directory: paths
/// are relative, may not climb with "..", and files reached through a symbolic
/// link that leads outside the directory are not read at all.
public struct RuleSource: Sendable {
    /// For messages: the directory as the user named it, or "(embedded)".
    public let name: String
    public let files: [String: String]

    public init(name: String, files: [String: String]) {
        self.name = name
        self.files = files
    }

    public var ruleFiles: [String] { files.keys.filter { $0.hasSuffix(".tiqu") }.sorted() }

    /// Reads `*.tiqu` and `*.txt` under `directory` (recursively).
    public static func directory(_ directory: String) throws(RuleErrors) -> RuleSource {
        let root = URL(fileURLWithPath: directory).standardizedFileURL.resolvingSymlinksInPath()
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw RuleErrors([Diagnostic(SourceLocation(file: directory, line: 1, column: 1),
                                         "no rules directory here", expected: "--rules DIR naming a directory of .tiqu files")])
        }
        var files: [String: String] = [:]
        var problems: [Diagnostic] = []
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey])
        while let url = enumerator?.nextObject() as? URL {
            guard url.pathExtension == "tiqu" || url.pathExtension == "txt" else { continue }
            let relative = String(url.standardizedFileURL.path.dropFirst(root.path.count + 1))
            let resolved = url.resolvingSymlinksInPath().path
            guard resolved.hasPrefix(root.path + "/") else {
                problems.append(Diagnostic(SourceLocation(file: relative, line: 1, column: 1),
                                           "links outside the rules directory (to \(resolved)); not read"))
                continue
            }
            guard let data = FileManager.default.contents(atPath: resolved) else { continue }
            guard let text = String(validating: [UInt8](data), as: UTF8.self) else {
                problems.append(Diagnostic(SourceLocation(file: relative, line: 1, column: 1), "not valid UTF-8"))
                continue
            }
            files[relative] = text
        }
        if !problems.isEmpty { throw RuleErrors(problems) }
        return RuleSource(name: directory, files: files)
    }

    /// Looks up a path written in a rule file, refusing any that could leave the directory.
    func resolve(_ path: String, at location: SourceLocation, what: String) throws(Diagnostic) -> String {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard !path.isEmpty, !path.hasPrefix("/"), !path.hasPrefix("~"), !parts.contains(".."), !path.contains("\\") else {
            throw Diagnostic(location, "\(what) path \"\(path)\" leaves the rules directory",
                             expected: "a path relative to the rules directory, without .. (e.g. \"lexicons/units.txt\")")
        }
        let normalized = parts.filter { $0 != "." && !$0.isEmpty }.joined(separator: "/")
        guard files[normalized] != nil else {
            let candidates = files.keys.filter { $0.hasSuffix(what == "import" ? ".tiqu" : ".txt") }.sorted()
            throw Diagnostic(location, "no \(what) \"\(path)\" in the rules directory \(name)",
                             expected: "one of: " + candidates.prefix(12).joined(separator: ", "))
        }
        return normalized
    }
}
