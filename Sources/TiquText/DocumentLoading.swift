import Foundation

extension Document {
    /// Reads a file (or standard input for "-") as strict UTF-8.
    public static func load(path: String) throws(TextError) -> Document {
        let bytes = try readBytes(path: path)
        return Document(name: path, text: try UTF8Decoding.decode(bytes, source: path))
    }

    /// Decodes bytes that came from somewhere else (a JSONL record, a socket).
    public static func decode(_ bytes: [UInt8], name: String) throws(TextError) -> Document {
        Document(name: name, text: try UTF8Decoding.decode(bytes, source: name))
    }

    private static func readBytes(path: String) throws(TextError) -> [UInt8] {
        if path == "-" {
            return [UInt8](FileHandle.standardInput.readDataToEndOfFile())
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw .notFound(path: path)
        }
        if isDirectory.boolValue { throw .isDirectory(path: path) }
        do {
            return [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            throw .unreadable(path: path, reason: String(describing: error.localizedDescription))
        }
    }
}
