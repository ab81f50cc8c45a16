import ArgumentParser
import Foundation
import Tiqu

struct NumbersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "numbers",
        abstract: "List every numeral with its exact value, kind and qualifier, one JSON line each.",
        discussion: """
        Offsets are Unicode code points, half-open. Ranges give "min" and "max" instead of "value".
        Examples:
          tiqu numbers Corpus/docs/shannan-2023.txt
          tiqu numbers --text "粮食产量16.85万吨，增长3.4%"
          printf '{"id": 1, "text": "三成"}\\n' | tiqu numbers --jsonl
        """
    )

    @Argument(help: "Text files to read (UTF-8). Use - for standard input.")
    var files: [String] = []

    @Option(name: .long, help: "Read this text instead of files.")
    var text: String?

    @Flag(name: .long, help: "Stream: read {\"id\", \"text\"} JSON lines on stdin, write one {\"id\", \"numbers\"} line per input line.")
    var jsonl = false

    func validate() throws {
        let sources = (files.isEmpty ? 0 : 1) + (text == nil ? 0 : 1) + (jsonl ? 1 : 0)
        guard sources == 1 else {
            throw ValidationError("Give exactly one input: FILE..., --text \"...\", or --jsonl (records on stdin).")
        }
    }

    func run() throws {
        let scanner = NumeralScanner()
        let output = StandardOutput()
        if let text {
            let document = Document(name: "--text", text: text)
            for numeral in scanner.scan(document) { output.line(numeral.json(in: document)) }
            return
        }
        if jsonl {
            RecordStream(field: "numbers") { documents in documents.map { document in .success(scanner.scan(document).map { $0.json(in: document) }) } }
                .run(reader: LineReader(), output: output, jobs: 1)
            return
        }
        var failed = false
        for path in files {
            do {
                let document = try Document.load(path: path)
                for numeral in scanner.scan(document) {
                    guard case .object(let fields) = numeral.json(in: document) else { continue }
                    output.line(.object([("doc", .string(path))] + fields))
                }
            } catch {
                StandardError.line("tiqu numbers: \(error)")
                failed = true
            }
        }
        output.flush()
        if failed { throw ExitCode(1) }
    }
}
