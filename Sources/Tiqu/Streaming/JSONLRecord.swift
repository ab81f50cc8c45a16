import Foundation
import TiquText

/// One `{"id": ..., "text": ...}` line of a JSONL stream, or why it is unusable.
public struct JSONLRecord {
    public let id: JSONValue?
    public let document: Document

    /// A record that could not be read: the error line to write in its place.
    public struct Failure: Error {
        public let id: JSONValue?
        public let line: Int
        public let message: String

        /// `{"id": ..., "error": ...}`, or `{"line": N, "error": ...}` when
        /// the record has no usable id.
        public var json: JSONValue {
            let key: (String, JSONValue) = id.map { ("id", $0) } ?? ("line", .int(line))
            return .object([key, ("error", .string(message))])
        }
    }

    public static func parse(_ bytes: [UInt8], line: Int) throws(Failure) -> JSONLRecord {
        if let bad = UTF8Decoding.firstInvalidByte(in: bytes) {
            throw Failure(id: nil, line: line, message: "line \(line) is not valid UTF-8 (bad byte at byte offset \(bad) of the line)")
        }
        guard !bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) else {
            throw Failure(id: nil, line: line, message: "line \(line) is empty: expected a JSON object with \"id\" and \"text\"")
        }
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])
        } catch {
            throw Failure(id: nil, line: line, message: "line \(line) is not valid JSON: \(describe(error))")
        }
        guard let record = object as? [String: Any] else {
            throw Failure(id: nil, line: line, message: "line \(line) is not a JSON object: expected {\"id\": ..., \"text\": ...}")
        }
        let id = record["id"].flatMap(idValue)
        guard let text = record["text"] as? String else {
            throw Failure(id: id, line: line, message: "record has no \"text\" string")
        }
        return JSONLRecord(id: id, document: Document(name: id.map { $0.serialized() } ?? "line \(line)", text: text))
    }

    /// Echoes the id back as the caller wrote it: a string or an integer.
    private static func idValue(_ raw: Any) -> JSONValue? {
        if let s = raw as? String { return .string(s) }
        if let n = raw as? Int { return .int(n) }
        if let n = raw as? NSNumber { return .string(n.stringValue) }
        return .string(String(describing: raw))
    }

    private static func describe(_ error: Error) -> String {
        let text = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String
        return text ?? error.localizedDescription
    }
}
