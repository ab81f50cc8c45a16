import ArgumentParser
import Foundation
import Tiqu
import TiquText

struct ConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert annotations between annotation tools' formats and Tiqu's gold JSONL.",
        discussion: """
        Reads brat standoff (.ann beside .txt), doccano or Prodigy span JSONL, or a Label Studio JSON export,
        and writes OUT/docs/NAME.txt and OUT/gold/NAME.jsonl; or writes brat (OUT/NAME.ann with NAME.txt) from
        gold or prediction JSONL. Every entity's text is checked against the document.
        Examples:
          tiqu convert --from brat --to gold annotated/*.ann --out imported
          tiqu convert --from label-studio --to gold export.json --out imported
          tiqu convert --from gold --to brat Corpus/gold/shannan-2023.jsonl --docs Corpus/docs --out brat
        """
    )

    enum Input: String, ExpressibleByArgument, CaseIterable { case brat, doccano, prodigy, labelStudio = "label-studio", gold }
    enum Output: String, ExpressibleByArgument, CaseIterable { case gold, brat }

    @Option(help: "Input format: \(Input.allCases.map(\.rawValue).joined(separator: ", ")).")
    var from: Input

    @Option(help: "Output format: gold or brat.")
    var to: Output

    @Argument(help: "Input files (.ann for brat; a JSONL or JSON export; gold .jsonl files).")
    var inputs: [String]

    @Option(help: "With --from gold: the directory of the NAME.txt documents.")
    var docs = "Corpus/docs"

    @Option(help: "Output directory.")
    var out: String

    func run() throws {
        var documents: [AnnotatedDocument] = []
        for path in inputs {
            do {
                switch from {
                case .brat: documents.append(try BratFormat.read(annPath: path))
                case .doccano: documents += try SpanFormat.doccano.read(path: path)
                case .prodigy: documents += try SpanFormat.prodigy.read(path: path)
                case .labelStudio: documents += try SpanFormat.labelStudio.read(path: path)
                case .gold: documents.append(try readGold(path))
                }
            } catch {
                throw ValidationError("\(path): \(error)")
            }
        }
        let problems = documents.flatMap { $0.problems() }
        guard problems.isEmpty else {
            for problem in problems { StandardError.line(problem) }
            StandardError.line("tiqu convert: \(problems.count) span(s) do not match their text; nothing was written. Offsets must be code points.")
            throw ExitCode(1)
        }
        try write(documents)
        StandardError.line("tiqu convert: \(documents.count) document(s), \(documents.reduce(0) { $0 + $1.entities.count }) entities -> \(out)")
    }

    private func readGold(_ path: String) throws -> AnnotatedDocument {
        let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        let document = try Document.load(path: "\(docs)/\(name).txt")
        let text = try String(contentsOfFile: path, encoding: .utf8)
        return AnnotatedDocument(name: name, document: document,
                                 entities: try text.nonEmptyTextLines().map { try ScoredEntity.parse($0, doc: name) })
    }

    private func write(_ documents: [AnnotatedDocument]) throws {
        let manager = FileManager.default
        for annotated in documents {
            switch to {
            case .gold:
                try manager.createDirectory(atPath: "\(out)/docs", withIntermediateDirectories: true)
                try manager.createDirectory(atPath: "\(out)/gold", withIntermediateDirectories: true)
                try Data(annotated.document.text.utf8).write(to: URL(fileURLWithPath: "\(out)/docs/\(annotated.name).txt"))
                try Data(annotated.goldLines().utf8).write(to: URL(fileURLWithPath: "\(out)/gold/\(annotated.name).jsonl"))
            case .brat:
                try manager.createDirectory(atPath: out, withIntermediateDirectories: true)
                try Data(annotated.document.text.utf8).write(to: URL(fileURLWithPath: "\(out)/\(annotated.name).txt"))
                try Data(BratFormat.annText(annotated).utf8).write(to: URL(fileURLWithPath: "\(out)/\(annotated.name).ann"))
            }
        }
    }
}
