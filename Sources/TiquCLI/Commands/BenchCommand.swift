import ArgumentParser
import Foundation
import Tiqu
import TiquPattern

struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure throughput of each layer against ICU word segmentation of the same text, in one run.",
        discussion: """
        Build in release mode for meaningful figures:
          swift run -c release tiqu bench Corpus/docs/shannan-2023.txt
        The text is repeated to about --megabytes of UTF-8; each stage runs --rounds times and the fastest counts.
        """
    )

    @Argument(help: "The document to repeat.")
    var file = "Corpus/docs/shannan-2023.txt"

    @Option(help: "Size of the repeated text in MB of UTF-8.")
    var megabytes = 10.0

    @Option(help: "Runs per stage; the fastest is reported.")
    var rounds = 3

    @Flag(help: "Print JSON instead of a table.")
    var json = false

    @OptionGroup var ruleOptions: RuleOptions

    @Flag(help: "Also time annotation on 1, 2, 4 and 8 MB to show that matching time grows linearly.")
    var scaling = false

    @Option(name: .customLong("rule-costs"),
            help: "Also list the N rules that cause the most matcher work on the text (starts, thread and lookaround steps, matches), to find the rules worth making cheaper.")
    var ruleCosts: Int?

    func run() throws {
        let seed: Document
        do { seed = try Document.load(path: file) } catch {
            throw ValidationError("\(error). Give the path of a UTF-8 text file to repeat.")
        }
        let benchmark = Benchmark(seed: seed, targetMegabytes: megabytes, rounds: rounds)
        let annotator = Annotator(ruleSet: try ruleOptions.load())
        // The same text as separate documents (one per copy of the seed), annotated as
        // `tiqu annotate` annotates files: in groups, phase by phase, on `jobs` threads.
        let parts = seed.text.isEmpty ? [] : Array(repeating: seed.text, count: max(1, Int((megabytes * 1_000_000 / Double(seed.text.utf8.count)).rounded())))
        let parallel = { (jobs: Int) in { (_: Document) throws in
            _ = OrderedParallelMap.mapGroups(parts, groupSize: Annotator.groupSize, jobs: jobs) { texts in
                annotator.annotate(texts.map { Document(text: $0) }).map { (try? $0.get())?.count ?? 0 }
            }
        } }
        let results = try benchmark.run(extraStages: [
            ("annotate (default rules)", { _ = try annotator.annotate($0) }),
            ("annotate, documents, 1 job", parallel(1)),
            ("annotate, documents, 2 jobs", parallel(2)),
        ])
        let scalingRows = scaling ? try self.scalingRows(seed, annotator) : []
        let costRows = try ruleCosts.map { try self.ruleCostRows($0, benchmark.document, annotator) }
        if json {
            printJSON(benchmark, results, scalingRows, costRows)
            return
        }
        print(String(format: "text: %@ (%.2f MB of UTF-8), best of %d", benchmark.document.name, benchmark.megabytes, rounds))
        print("stage                          seconds     MB/s   speed vs segmentation   cost vs segmentation")
        for r in results {
            print(r.name.padding(toLength: 28, withPad: " ", startingAt: 0)
                  + String(format: "%9.3f %8.2f %16.2fx %21.1f%%", r.seconds, r.megabytesPerSecond,
                           r.ratioToSegmentation, 100 * r.costRelativeToSegmentation))
        }
        if let one = results.first(where: { $0.name.hasSuffix("1 job") }), let two = results.first(where: { $0.name.hasSuffix("2 jobs") }) {
            print(String(format: "2 jobs against 1 job: %.2fx", one.seconds / two.seconds))
        }
        if scaling {
            print("\nscaling: annotate with the default rules")
            for row in scalingRows {
                print(String(format: "  %5.2f MB  %8.3f s  %8.3f s/MB", row.megabytes, row.seconds, row.seconds / row.megabytes))
            }
        }
        if let costRows {
            print(String(format: "\nrule costs: %d steps in all (%.1f per code point)", costRows.total,
                         Double(costRows.total) / Double(max(1, benchmark.document.count))))
            print("rule                                 starts      steps    look steps  matches  share  source")
            for row in costRows.rows {
                let w = row.work
                print(row.rule.padding(toLength: 34, withPad: " ", startingAt: 0)
                      + String(format: "%9d %10d %13d %8d %5.1f%%  ", w.starts, w.threadSteps, w.lookaroundSteps, w.matches,
                               100 * Double(w.steps) / Double(costRows.total))
                      + row.source)
            }
        }
    }

    private func printJSON(_ benchmark: Benchmark, _ results: [Benchmark.Measurement], _ scalingRows: [ScalingRow],
                           _ costRows: RuleCosts?) {
        let number = { (format: String, value: Double) in JSONValue.string(String(format: format, value)) }
        let stages: [JSONValue] = results.map { r in
            .object([("stage", .string(r.name)), ("seconds", number("%.4f", r.seconds)),
                     ("mb_per_s", number("%.2f", r.megabytesPerSecond)),
                     ("ratio_to_segmentation", number("%.3f", r.ratioToSegmentation))])
        }
        var fields: [(String, JSONValue)] = [("megabytes", number("%.2f", benchmark.megabytes)), ("stages", .array(stages))]
        if scaling {
            fields.append(("scaling", .array(scalingRows.map { row in
                .object([("megabytes", number("%.2f", row.megabytes)), ("seconds", number("%.4f", row.seconds))])
            })))
        }
        if let costRows {
            fields.append(("rule_steps", .int(costRows.total)))
            fields.append(("rule_costs", .array(costRows.rows.map { row in
                .object([("rule", .string(row.rule)), ("source", .string(row.source)),
                         ("starts", .int(row.work.starts)), ("thread_steps", .int(row.work.threadSteps)),
                         ("lookaround_steps", .int(row.work.lookaroundSteps)), ("matches", .int(row.work.matches))])
            })))
        }
        print(JSONValue.object(fields).serialized())
    }

    private struct ScalingRow {
        let megabytes: Double
        let seconds: Double
    }

    /// Annotation time per MB should stay flat as the text doubles.
    private func scalingRows(_ seed: Document, _ annotator: Annotator) throws -> [ScalingRow] {
        try [1.0, 2.0, 4.0, 8.0].map { size in
            let sized = Benchmark(seed: seed, targetMegabytes: size, rounds: rounds)
            return ScalingRow(megabytes: sized.megabytes, seconds: try sized.time { _ = try annotator.annotate($0) })
        }
    }

    private struct RuleCosts {
        let total: Int
        let rows: [(rule: String, source: String, work: RuleWork)]
    }

    /// The `count` costliest rules by counted steps: deterministic, unlike timings, so a
    /// change to one rule shows in its own row.
    private func ruleCostRows(_ count: Int, _ document: Document, _ annotator: Annotator) throws -> RuleCosts {
        let work = try annotator.ruleWork(document)
        let rules = annotator.ruleSet.rules
        let order = work.indices.sorted { (work[$0].steps, $1) > (work[$1].steps, $0) }.prefix(max(0, count))
        return RuleCosts(total: max(1, work.reduce(0) { $0 + $1.steps }),
                         rows: order.map { (rules[$0].id, "\(rules[$0].location.file):\(rules[$0].location.line)", work[$0]) })
    }
}
