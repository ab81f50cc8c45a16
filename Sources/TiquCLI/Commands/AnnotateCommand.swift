import ArgumentParser
import Foundation
import Tiqu

struct AnnotateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "annotate",
        abstract: "Extract QUANTITY, PERCENT, PLACE and PROJECT entities: one JSON line per entity, with provenance.",
        discussion: """
        Each line follows ../shared/ANNOTATION.md (start, end, type, text, value or min/max, unit, qualifier)
        plus "doc", "rule", "source" (rules directory/FILE:LINE) and "captures". Directories are searched for
        *.txt files; - reads standard input. A document that cannot be read is reported and the others go on.
        Examples:
          tiqu annotate Corpus/docs/shannan-2023.txt
          tiqu annotate --out pred Corpus/docs          # pred/NAME.jsonl per document, for tiqu eval --pred pred
          tiqu annotate --rules MyRules --text "粮食产量16.85万吨"
        """
    )

    @OptionGroup var ruleOptions: RuleOptions

    @Argument(help: "Text files (UTF-8) or directories of *.txt files. Use - for standard input.")
    var files: [String] = []

    @Option(name: .long, help: "Annotate this text instead of files.")
    var text: String?

    @Option(name: .long, help: "Write OUT/NAME.jsonl for each NAME.txt (the files `tiqu eval --pred` reads) instead of standard output.")
    var out: String?

    @Option(name: .long, help: "Only these types (comma-separated), e.g. QUANTITY,PERCENT.")
    var types: String?

    func validate() throws {
        guard files.isEmpty != (text == nil) else { throw ValidationError("Give FILE... (or directories) or --text \"...\".") }
    }

    func run() throws {
        let annotator = Annotator(ruleSet: try ruleOptions.load())
        let wanted = types.map { Set($0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).uppercased() }) }
        let output = StandardOutput()
        var failed = false
        if let out { try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true) }
        for path in text == nil ? DocumentPaths.expand(files) : ["--text"] {
            do {
                let document = path == "--text" ? Document(name: path, text: text!) : try Document.load(path: path)
                let entities = try annotator.annotate(document).filter { wanted?.contains($0.type) ?? true }
                if let out {
                    let lines = entities.map { $0.json(in: document, ruleSet: annotator.ruleSet).serialized() + "\n" }.joined()
                    let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
                    try Data(lines.utf8).write(to: URL(fileURLWithPath: "\(out)/\(name).jsonl"))
                } else {
                    for entity in entities { output.line(entity.json(in: document, ruleSet: annotator.ruleSet, doc: path)) }
                }
            } catch {
                StandardError.line("tiqu annotate: \(error)")
                failed = true
            }
        }
        output.flush()
        if failed { throw ExitCode(1) }
    }
}
