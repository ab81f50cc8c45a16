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
        do {
            return [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            throw .unreadable(path: path, reason: String(describing: error.localizedDescription))
        }
    }
}
