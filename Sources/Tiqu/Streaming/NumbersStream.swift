import TiquNumerals

/// `tiqu numbers --jsonl`: exactly one output line per input line, in order;
/// a bad line gets an error line and the stream goes on.
public struct NumbersStream {
    let scanner: NumeralScanner

    public init(scanner: NumeralScanner) {
        self.scanner = scanner
    }

    public func process(_ bytes: [UInt8], line: Int) -> JSONValue {
        do {
            let record = try JSONLRecord.parse(bytes, line: line)
            let numbers = scanner.scan(record.document).map { $0.json(in: record.document) }
            return .object([("id", record.id ?? .null), ("numbers", .array(numbers))])
        } catch {
            return error.json
        }
    }

    public func run(reader: LineReader, output: StandardOutput) {
        while let bytes = reader.next() {
            output.line(process(bytes, line: reader.lineNumber))
        }
        output.flush()
    }
}
