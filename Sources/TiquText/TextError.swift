/// Why a document could not be read. Each case names the input so that a
/// batch can report it and go on with the other documents.
public enum TextError: Error, Equatable, Sendable, CustomStringConvertible {
    case invalidUTF8(source: String, byteOffset: Int)
    case notFound(path: String)
    case isDirectory(path: String)
    case unreadable(path: String, reason: String)

    public var description: String {
        switch self {
        case let .invalidUTF8(source, offset):
            return "\(source): not valid UTF-8: bad byte at byte offset \(offset) (convert the file to UTF-8, e.g. with iconv -f GB18030 -t UTF-8)"
        case let .notFound(path):
            return "\(path): no such file"
        case let .isDirectory(path):
            return "\(path): is a directory (give the .txt files in it, or a file path)"
        case let .unreadable(path, reason):
            return "\(path): cannot be read: \(reason)"
        }
    }
}
