import TiquText

/// The JSONL stream behind `tiqu numbers --jsonl` and `tiqu annotate --jsonl`:
/// each input line `{"id", "text"}` gives exactly one output line, `{"id",
/// FIELD: [...]}` or `{"id" or "line", "error": "..."}`, in input order, so a
/// bad record never stops the others. Lines are read and processed in
/// batches (in parallel with `jobs` > 1, output unchanged), so memory is bounded
/// by a batch and the largest document in it, not by the stream.
public struct RecordStream: Sendable {
    let field: String
    let work: @Sendable (Document) throws -> [JSONValue]

    public init(field: String, work: @escaping @Sendable (Document) throws -> [JSONValue]) {
        self.field = field
        self.work = work
    }

    /// One output line for one input line.
    public func process(_ bytes: [UInt8], line: Int) -> String {
        do {
            let record = try JSONLRecord.parse(bytes, line: line)
            do {
                return JSONValue.object([("id", record.id ?? .null), (field, .array(try work(record.document)))]).serialized()
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
