import TiquText

/// `tiqu annotate --jsonl`: each input line `{"id", "text"}` gives exactly one
/// output line, `{"id", "entities": [...]}` or `{"id", "error": "..."}`, in
/// input order. Lines are read and annotated in batches, so memory is bounded
/// by the batch (and the largest document in it), not by the stream.
public struct AnnotationStream: Sendable {
    let annotator: Annotator
    let types: Set<String>?

    public init(annotator: Annotator, types: Set<String>? = nil) {
        self.annotator = annotator
        self.types = types
    }

    /// One output line for one input line.
    public func process(_ bytes: [UInt8], line: Int) -> String {
        do {
            let record = try JSONLRecord.parse(bytes, line: line)
            do {
                let entities = try annotator.annotate(record.document).filter { types?.contains($0.type) ?? true }
                let json = entities.map { $0.json(in: record.document, ruleSet: annotator.ruleSet) }
                return JSONValue.object([("id", record.id ?? .null), ("entities", .array(json))]).serialized()
            } catch {
                return JSONLRecord.Failure(id: record.id, line: line, message: "\(error)").json.serialized()
            }
        } catch {
            return error.json.serialized()
        }
    }

    public func run(reader: LineReader, output: StandardOutput, jobs: Int) {
        let batchSize = max(64, 16 * jobs)
        var batch: [(bytes: [UInt8], line: Int)] = []
        func flush() {
            for line in OrderedParallelMap.map(batch, jobs: jobs, { process($0.bytes, line: $0.line) }) {
                output.text(line + "\n")
            }
            batch.removeAll(keepingCapacity: true)
        }
        while let bytes = reader.next() {
            batch.append((bytes, reader.lineNumber))
            if batch.count == batchSize { flush() }
        }
        flush()
        output.flush()
    }
}
