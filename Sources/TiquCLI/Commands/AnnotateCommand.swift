import ArgumentParser
import Tiqu

struct AnnotateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "annotate",
        abstract: "Extract QUANTITY, PERCENT, PLACE and PROJECT entities: one JSON line per entity, with provenance.",
        discussion: """
        Each line follows ../shared/ANNOTATION.md (start, end, type, text, value or min/max, unit, qualifier)
        plus "doc", "rule", "source" (rules directory/FILE:LINE) and "captures".
        Examples:
          tiqu annotate Corpus/docs/shannan-2023.txt
          tiqu annotate --rules MyRules --text "粮食产量16.85万吨"
        """
    )

    @OptionGroup var ruleOptions: RuleOptions

    @Argument(help: "Text files (UTF-8). Use - for standard input.")
    var files: [String] = []

    @Option(name: .long, help: "Annotate this text instead of files.")
    var text: String?

    func validate() throws {
        guard files.isEmpty != (text == nil) else { throw ValidationError("Give FILE... or --text \"...\".") }
    }

    func run() throws {
        let annotator = Annotator(ruleSet: try ruleOptions.load())
        let output = StandardOutput()
        var failed = false
        let inputs: [(String, Result<Document, Error>)] = text.map { [("--text", .success(Document(name: "--text", text: $0)))] }
            ?? files.map { path in (path, Result { try Document.load(path: path) }) }
        for (name, input) in inputs {
            do {
                let document = try input.get()
                for entity in try annotator.annotate(document) {
                    output.line(entity.json(in: document, ruleSet: annotator.ruleSet, doc: name))
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
