import ArgumentParser
import Foundation
import Tiqu

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
        // The same text as separate documents (one per copy of the seed), for the parallel stages.
        let parts = seed.text.isEmpty ? [] : Array(repeating: seed.text, count: max(1, Int((megabytes * 1_000_000 / Double(seed.text.utf8.count)).rounded())))
        let parallel = { (jobs: Int) in { (_: Document) throws in
            _ = OrderedParallelMap.map(parts, jobs: jobs) { text in (try? annotator.annotate(Document(text: text)))?.count ?? 0 }
        } }
        let results = try benchmark.run(extraStages: [
            ("annotate (default rules)", { _ = try annotator.annotate($0) }),
            ("annotate, documents, 1 job", parallel(1)),
            ("annotate, documents, 2 jobs", parallel(2)),
        ])
        if json {
            let rows = results.map { r -> JSONValue in
                .object([("stage", .string(r.name)), ("seconds", .string(String(format: "%.4f", r.seconds))),
                         ("mb_per_s", .string(String(format: "%.2f", r.megabytesPerSecond))),
                         ("ratio_to_segmentation", .string(String(format: "%.3f", r.ratioToSegmentation)))])
            }
            print(JSONValue.object([("megabytes", .string(String(format: "%.2f", benchmark.megabytes))), ("stages", .array(rows))]).serialized())
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
        if scaling { try printScaling(seed, annotator) }
        if let ruleCosts { try printRuleCosts(ruleCosts, benchmark.document, annotator) }
    }

    /// The costliest rules by counted steps: deterministic, unlike timings, so a change to
    /// one rule shows in its own row.
    private func printRuleCosts(_ count: Int, _ document: Document, _ annotator: Annotator) throws {
        let work = try annotator.ruleWork(document)
        let total = max(1, work.reduce(0) { $0 + $1.steps })
        print(String(format: "\nrule costs: %d steps in all (%.1f per code point)", total, Double(total) / Double(max(1, document.count))))
        print("rule                                 starts      steps    look steps  matches  share  source")
        let rules = annotator.ruleSet.rules
        for k in work.indices.sorted(by: { (work[$0].steps, $1) > (work[$1].steps, $0) }).prefix(max(0, count)) {
            let w = work[k]
            print(rules[k].id.padding(toLength: 34, withPad: " ", startingAt: 0)
                  + String(format: "%9d %10d %13d %8d %5.1f%%  ", w.starts, w.threadSteps, w.lookaroundSteps, w.matches,
                           100 * Double(w.steps) / Double(total))
                  + "\(rules[k].location.file):\(rules[k].location.line)")
        }
    }

    /// Annotation time per MB should stay flat as the text doubles.
    private func printScaling(_ seed: Document, _ annotator: Annotator) throws {
        print("\nscaling: annotate with the default rules")
        for size in [1.0, 2.0, 4.0, 8.0] {
            let sized = Benchmark(seed: seed, targetMegabytes: size, rounds: rounds)
            let seconds = try sized.time { _ = try annotator.annotate($0) }
            print(String(format: "  %5.2f MB  %8.3f s  %8.3f s/MB", sized.megabytes, seconds, seconds / sized.megabytes))
        }
    }
}
