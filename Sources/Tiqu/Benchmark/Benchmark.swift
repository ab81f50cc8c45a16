import Foundation
import TiquICU
import TiquNumerals
import TiquText

/// Throughput of each layer on one text, measured in one run so that the
/// ratios stay meaningful on a shared, noisy machine. ICU word segmentation
/// of the same text is the reference every other figure is divided by.
public struct Benchmark {
    public struct Measurement: Sendable {
        public let name: String
        public let seconds: Double
        public let megabytesPerSecond: Double
        /// This stage's throughput divided by segmentation's.
        public let ratioToSegmentation: Double
        /// Seconds divided by segmentation's: "the scan costs x of segmentation".
        public let costRelativeToSegmentation: Double
    }

    public let document: Document
    public let megabytes: Double
    public let rounds: Int

    /// Repeats `seed`'s text until it is about `targetMegabytes` of UTF-8.
    public init(seed: Document, targetMegabytes: Double, rounds: Int) {
        let bytes = max(seed.text.utf8.count, 1)
        let copies = max(1, Int((targetMegabytes * 1_000_000 / Double(bytes)).rounded()))
        let text = String(repeating: seed.text, count: copies)
        document = Document(name: "\(seed.name) x\(copies)", text: text)
        megabytes = Double(text.utf8.count) / 1_000_000
        self.rounds = max(1, rounds)
    }

    /// Best of `rounds` for each stage (the least disturbed run).
    public func run(extraStages: [(String, (Document) throws -> Void)] = []) throws -> [Measurement] {
        let segmentation = try best { _ = try Segmenter.words(document) }
        var results = [measurement("ICU word segmentation", segmentation, reference: segmentation)]
        let scanner = NumeralScanner()
        results.append(measurement("numerals", try best { _ = scanner.scan(document) }, reference: segmentation))
        for (name, stage) in extraStages {
            results.append(measurement(name, try best { try stage(document) }, reference: segmentation))
        }
        return results
    }

    /// The best of `rounds` timings of `stage` on the text.
    public func time(_ stage: (Document) throws -> Void) throws -> Double { try best { try stage(document) } }

    private func best(_ body: () throws -> Void) throws -> Double {
        var fastest = Double.infinity
        for _ in 0..<rounds {
            let start = DispatchTime.now().uptimeNanoseconds
            try body()
            fastest = min(fastest, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        return fastest
    }

    private func measurement(_ name: String, _ seconds: Double, reference: Double) -> Measurement {
        Measurement(name: name, seconds: seconds, megabytesPerSecond: megabytes / seconds,
                    ratioToSegmentation: reference / seconds, costRelativeToSegmentation: seconds / reference)
    }
}
