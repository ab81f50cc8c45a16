import ArgumentParser
import Tiqu
import TiquICU

/// The `tiqu` command: each subcommand is one small type in Commands/ that
/// parses its options, calls the Tiqu library, and maps the result to an exit code.
@main
struct TiquCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tiqu",
        abstract: "Extract quantities, percentages, places and projects from Chinese official texts.",
        version: "tiqu \(Tiqu.version) (ICU \(ICU.version))",
        subcommands: [AnnotateCommand.self, TestCommand.self, ExplainCommand.self, EvalCommand.self, ConvertCommand.self, NumbersCommand.self, SegmentCommand.self, BenchCommand.self]
    )

    static func main() {
        MemoryTuning.keepFreedMemory()
        main(nil)
    }
}
