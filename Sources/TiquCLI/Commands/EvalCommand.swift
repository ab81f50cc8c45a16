import ArgumentParser
import Foundation
import Tiqu

struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Score rules against the gold corpus (or against other projects' JSONL test suites).",
        discussion: """
        By default runs the default rules over Corpus/docs and compares with Corpus/gold, printing precision,
        recall and F1 per type in the strict, exact, partial and type modes of SemEval-2013 / nervaluate, the
        COR/INC/PAR/MIS/SPU counts, and value accuracy for QUANTITY and PERCENT.
        Examples:
          tiqu eval --split dev --errors
          tiqu eval --json > before.json; (edit a rule); tiqu eval --baseline before.json
          tiqu annotate --out pred Corpus/docs/*.txt; tiqu eval --pred pred
          tiqu eval --suite ../shared/peer/recognizers-zh/number.jsonl
          tiqu eval --suite ../shared/peer/duckling-zh/distance.jsonl --errors
        A suite whose expected entities carry units (distance, currency, ...) is scored on the QUANTITY entities
        of the rules, converted to the suite's units; other suites on the numeral layer (Corpus/PEER-SUITES.md).
        """
    )

    @OptionGroup var ruleOptions: RuleOptions

    @Option(name: .long, help: "Directory of NAME.txt documents.")
    var docs = "Corpus/docs"

    @Option(name: .long, help: "Directory of NAME.jsonl gold files.")
    var gold = "Corpus/gold"

    @Option(name: .long, help: "Score saved predictions (DIR/NAME.jsonl, as written by `tiqu annotate --out DIR`) instead of running rules.")
    var pred: String?

    @Option(name: .long, help: "Only the documents of this split (dev or test) in the split file.")
    var split: String?

    @Option(name: .customLong("split-file"), help: "NAME<TAB>SPLIT lines.")
    var splitFile = "Corpus/split.tsv"

    @Flag(name: .long, help: "List every miss, false alarm and wrong value with context and the rule that produced it.")
    var errors = false

    @Flag(name: .long, help: "Print JSON (scores and every prediction) instead of a table.")
    var json = false

    @Option(name: .long, help: "Compare with a saved `tiqu eval --json` run: per-type deltas, entities that appeared or disappeared.")
    var baseline: String?

    @Option(name: .customLong("min-f1"), help: "Exit 1 when the overall strict F1 is below this (0 to 1).")
    var minF1: Double?

    @Option(name: .long, help: "Score against a JSONL suite of {\"input\", \"expected\"} lines (repeatable): the numeral layer, or the rules' QUANTITY entities for a suite with units.")
    var suite: [String] = []

    func run() throws {
        if !suite.isEmpty { return try runSuites() }
        var evaluation: CorpusEvaluation
        do {
            let names = try split.map { try CorpusEvaluation.names(inSplit: $0, file: splitFile) }
            evaluation = try CorpusEvaluation.load(docs: docs, gold: gold, names: names)
            if let pred { try evaluation.readPredictions(from: pred) } else {
                try evaluation.annotate(with: Annotator(ruleSet: try ruleOptions.load()))
            }
        } catch let error as ExitCode {
            throw error
        } catch {
            throw ValidationError("\(error)")
        }
        let report = evaluation.report()
        if json { print(report.json().serialized()) } else { print(report.table(), terminator: "") }
        if errors { print(report.errors(), terminator: "") }
        if let baseline { print(try report.compare(toBaseline: baseline), terminator: "") }
        if let minF1, report.f1() < minF1 {
            StandardError.line(String(format: "tiqu eval: overall strict F1 %.3f is below --min-f1 %.3f", report.f1(), minF1))
            throw ExitCode(1)
        }
    }

    private func runSuites() throws {
        let annotator = Annotator(ruleSet: try ruleOptions.load())
        for path in suite {
            let loaded: PeerSuite
            do { loaded = try PeerSuite.load(path: path) } catch {
                throw ValidationError("\(path): cannot read the suite (\(error)). Give a JSONL file of {\"input\", \"expected\"} lines.")
            }
            let outcomes = loaded.run(annotator: annotator)
            let passed = outcomes.filter(\.passed).count
            print("\(path): \(passed)/\(outcomes.count) passed (\(String(format: "%.1f", 100 * Double(passed) / Double(max(outcomes.count, 1)))) %)")
            if errors { for outcome in outcomes where !outcome.passed { print("  \(outcome.id): \(outcome.detail)") } }
        }
    }
}
