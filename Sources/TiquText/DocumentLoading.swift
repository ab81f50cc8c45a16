import Foundation

extension Document {
    /// Reads a file (or standard input for "-") as strict UTF-8.
    public static func load(path: String) throws(TextError) -> Document {
        let bytes = try readBytes(path: path)
        return Document(name: path, text: try UTF8Decoding.decode(bytes, source: path))
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
        // An empty file is an empty document. (Data(contentsOf:) also leaks its read
        // buffer on empty files in this Foundation, which LeakSanitizer reports.)
        if let size = try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int, size == 0 { return [] }
        do {
            return [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            throw .unreadable(path: path, reason: String(describing: error.localizedDescription))
        }
    }
}
