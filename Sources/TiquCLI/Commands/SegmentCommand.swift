import ArgumentParser
import Tiqu
import TiquICU

struct SegmentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "segment",
        abstract: "Show ICU's word segmentation: one JSON line per token with its code-point span and kind.",
        discussion: "Kinds are ICU's rule statuses: number, letter, kana, ideographic, none (spaces, punctuation)."
    )

    @Argument(help: "Text files to read (UTF-8). Use - for standard input.")
    var files: [String] = []

    @Option(name: .long, help: "Segment this text instead of files.")
    var text: String?

    @Option(name: .long, help: "ICU locale for the word rules.")
    var locale = "zh"

    func validate() throws {
        guard files.isEmpty != (text == nil) else {
            throw ValidationError("Give FILE... or --text \"...\", not both and not neither.")
        }
    }

    func run() throws {
        let output = StandardOutput()
        var failed = false
        let inputs: [Result<Document, Error>] = text.map { [.success(Document(name: "--text", text: $0))] }
            ?? files.map { path in Result { try Document.load(path: path) } }
        for input in inputs {
            do {
                let document = try input.get()
                for token in try Segmenter.words(document, locale: locale) {
                    var fields: [(String, JSONValue)] = files.count > 1 ? [("doc", .string(document.name))] : []
                    fields += [("start", .int(token.start)), ("end", .int(token.end)),
                               ("text", .string(document.slice(token.start, token.end))), ("kind", .string(token.kind.rawValue))]
                    output.line(.object(fields))
                }
            } catch {
                StandardError.line("tiqu segment: \(error)")
                failed = true
            }
        }
        output.flush()
        if failed { throw ExitCode(1) }
    }
}
