import TiquText

/// The JSONL stream behind `tiqu numbers --jsonl` and `tiqu annotate --jsonl`:
/// each input line `{"id", "text"}` gives exactly one output line, `{"id",
/// FIELD: [...]}` or `{"id" or "line", "error": "..."}`, in input order, so a
/// bad record never stops the others. Lines are read and processed in
/// batches (in parallel with `jobs` > 1, output unchanged), so memory is bounded
/// by a batch and the largest document in it, not by the stream.
public struct RecordStream: Sendable {
    let field: String
    let work: @Sendable ([Document]) -> [Result<[JSONValue], any Error>]
    let groupSize: Int

    /// `work` gives one result per document of a group, in order; groups have up to
    /// `groupSize` documents (the annotator runs phase by phase over a group).
    public init(field: String, groupSize: Int = 1, work: @escaping @Sendable ([Document]) -> [Result<[JSONValue], any Error>]) {
        self.field = field
        self.groupSize = groupSize
        self.work = work
    }

    /// One output line for each input line of a group.
    public func process(_ lines: [(bytes: [UInt8], line: Int)]) -> [String] {
        let records = lines.map { input in Result { () throws(JSONLRecord.Failure) in try JSONLRecord.parse(input.bytes, line: input.line) } }
        let documents = records.compactMap { try? $0.get().document }
        let outcomes = work(documents)
        precondition(outcomes.count == documents.count, "one result per document")
        var results = outcomes.makeIterator()
        return zip(lines, records).map { input, record in
            switch record {
            case .failure(let failure):
                return failure.json.serialized()
            case .success(let record):
                switch results.next()! {
                case .success(let values):
                    return JSONValue.object([("id", record.id ?? .null), (field, .array(values))]).serialized()
                case .failure(let error):
                    return JSONLRecord.Failure(id: record.id, line: input.line, message: "\(error)").json.serialized()
                }
            }
        }
    }

    public func run(reader: LineReader, output: StandardOutput, jobs: Int) {
        let batchSize = max(64, 2 * groupSize * jobs, 16 * jobs)
        var batch: [(bytes: [UInt8], line: Int)] = []
        func flush() {
            for line in OrderedParallelMap.mapGroups(batch, groupSize: groupSize, jobs: jobs, process) {
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
