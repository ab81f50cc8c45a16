import ArgumentParser
import Foundation
import Tiqu
import TiquICU

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

    @Option(name: .long, help: "Only these types (comma-separated), e.g. QUANTITY,PERCENT; NUMBER adds the numeral layer (every number with its value).")
    var types: String?

    enum Format: String, ExpressibleByArgument, CaseIterable { case jsonl, brat, html }

    @Option(name: .long, help: "Output format: jsonl (default); brat (NAME.ann and NAME.txt per document in --out DIR, for brat and INCEpTION); html (NAME.html per document and index.html in --out DIR).")
    var format: Format = .jsonl

    @Flag(name: .long, help: "No progress line on standard error.")
    var quiet = false

    @Flag(name: .long, help: "Stream: read {\"id\", \"text\"} JSON lines on stdin, write exactly one {\"id\", \"entities\"} or {\"id\", \"error\"} line per input line, in order.")
    var jsonl = false

    @Option(name: .long, help: "Documents annotated at once (default: all cores). The output is the same for any value.")
    var jobs = ProcessInfo.processInfo.activeProcessorCount

    func validate() throws {
        let sources = (files.isEmpty ? 0 : 1) + (text == nil ? 0 : 1) + (jsonl ? 1 : 0)
        guard sources == 1 else { throw ValidationError("Give exactly one input: FILE... (or directories), --text \"...\", or --jsonl.") }
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1.") }
        if format != .jsonl && (out == nil || jsonl) { throw ValidationError("--format \(format.rawValue) writes files: give --out DIR (and files, not --jsonl).") }
    }

    func run() throws {
        let annotator = Annotator(ruleSet: try ruleOptions.load())
        let selection: TypeSelection?
        do {
            selection = try types.map { try TypeSelection($0, ruleSet: annotator.ruleSet) }
        } catch {
            throw ValidationError("--types: \(error)")
        }
        // Documents are annotated in groups, phase by phase (Annotator.annotate(_ documents:)).
        let annotate = { @Sendable (documents: [Document]) -> [Result<[Entity], ICUError>] in
            zip(documents, annotator.annotate(documents)).map { document, result in
                result.map { selection?.select($0, of: document) ?? $0 }
            }
        }
        let output = StandardOutput()
        if jsonl {
            RecordStream(field: "entities", groupSize: Annotator.groupSize) { documents in
                zip(documents, annotate(documents)).map { document, result in
                    result.map { $0.map { $0.json(in: document, ruleSet: annotator.ruleSet) } }.mapError { $0 }
                }
            }.run(reader: LineReader(), output: output, jobs: jobs)
            return
        }
        if let out { try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true) }
        let paths = text == nil ? DocumentPaths.expand(files) : ["--text"]
        let (text, out, format) = (self.text, self.out, self.format)
        let progress = Progress(total: paths.count, enabled: !quiet)
        let render = { @Sendable (path: String, document: Document, entities: [Entity]) -> String in
            let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
            switch format {
            case .html:
                return HTMLPage(document: document, title: name, entities: entities, ruleSet: annotator.ruleSet).render()
            case .brat:
                let scored = entities.map { $0.scored(doc: name, document: document, ruleSet: annotator.ruleSet) }
                return BratFormat.annText(AnnotatedDocument(name: name, document: document, entities: scored))
            case .jsonl:
                return entities.map {
                    $0.json(in: document, ruleSet: annotator.ruleSet, doc: out == nil ? path : nil).serialized() + "\n"
                }.joined()
            }
        }
        // Documents are annotated in parallel batches and written in argument order.
        var failed = false
        var index: [(name: String, counts: [String: Int])] = []
        let batchSize = 2 * Annotator.groupSize * jobs
        for batch in stride(from: 0, to: paths.count, by: batchSize).map({ Array(paths[$0..<min(paths.count, $0 + batchSize)]) }) {
            let results = OrderedParallelMap.mapGroups(batch, groupSize: Annotator.groupSize, jobs: jobs) { paths -> [Result<String, TiquFailure>] in
                let loaded = paths.map { path in
                    Result { path == "--text" ? Document(name: path, text: text!) : try Document.load(path: path) }
                }
                var annotated = annotate(loaded.compactMap { try? $0.get() }).makeIterator()
                return zip(paths, loaded).map { path, document in
                    do {
                        let document = try document.get()
                        return .success(render(path, document, try annotated.next()!.get()))
                    } catch {
                        return .failure(TiquFailure(message: "\(error)"))
                    }
                }
            }
            for (path, result) in zip(batch, results) {
                switch result {
                case .success(let lines):
                    progress.advance(bytes: (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0)
                    if let out {
                        let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
                        try Data(lines.utf8).write(to: URL(fileURLWithPath: "\(out)/\(name).\(format == .jsonl ? "jsonl" : format == .brat ? "ann" : "html")"))
                        if format == .html { index.append((name, HTMLIndex.counts(inPage: lines))) }
                        if format == .brat, path != "\(out)/\(name).txt" {  // brat wants the text beside the .ann
                            try? FileManager.default.removeItem(atPath: "\(out)/\(name).txt")
                            try FileManager.default.copyItem(atPath: path, toPath: "\(out)/\(name).txt")
                        }
                    } else {
                        output.text(lines)
                    }
                case .failure(let failure):
                    StandardError.line("tiqu annotate: \(failure.message)")
                    failed = true
                }
            }
        }
        if format == .html, let out, paths.count > 1 {
            try Data(HTMLIndex.render(index).utf8).write(to: URL(fileURLWithPath: "\(out)/index.html"))
        }
        output.flush()
        progress.finish()
        if failed { throw ExitCode(1) }
    }
}

/// A document that could not be annotated, carried across threads as text.
struct TiquFailure: Error, Sendable {
    let message: String
}
