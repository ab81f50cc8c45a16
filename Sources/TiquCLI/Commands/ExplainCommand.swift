import ArgumentParser
import Tiqu

struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Show the lattice, every candidate match, the winners, and why each loser lost.",
        discussion: """
        With --rule ID, also show how far that rule's pattern got where it did not match (the near miss).
        Examples:
          tiqu explain --text "财政收入248亿元，增长3.4%"
          tiqu explain --rule quantity.money --text "财政收入248亿"
          tiqu explain Corpus/docs/shannan-2023.txt --from 340 --to 360
        """
    )

    @OptionGroup var ruleOptions: RuleOptions

    @Argument(help: "A text file to take the text from (with --from/--to).")
    var file: String?

    @Option(name: .long, help: "The text to explain.")
    var text: String?

    @Option(name: .long, help: "First code point of the file's range.")
    var from: Int?

    @Option(name: .long, help: "End (exclusive) of the file's range.")
    var to: Int?

    @Option(name: .long, help: "A rule id: show its matches or its near miss.")
    var rule: String?

    func validate() throws {
        guard (file == nil) != (text == nil) else { throw ValidationError("Give --text \"...\" or FILE (with --from/--to).") }
    }

    func run() throws {
        let annotator = Annotator(ruleSet: try ruleOptions.load())
        var document: Document
        if let text { document = Document(name: "--text", text: text) } else {
            let whole = try Document.load(path: file!)
            let start = max(0, min(from ?? 0, whole.count)), end = max(start, min(to ?? whole.count, whole.count))
            document = Document(name: file!, text: whole.slice(start, end))
            if start > 0 { print("(code points \(start)..<\(end) of \(file!); offsets below are relative to \(start))") }
        }
        do {
            print(try Explainer(annotator: annotator).explain(document, rule: rule), terminator: "")
        } catch let error as Explainer.UnknownRule {
            StandardError.line("tiqu explain: \(error)")
            throw ExitCode.failure
        }
    }
}
