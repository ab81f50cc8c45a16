import Foundation

/// Buffered standard output: JSON lines are collected and written in large
/// blocks (one write per line would dominate the run time on big batches).
public final class StandardOutput {
    private var buffer = ""
    private let limit = 1 << 16

    public init() {}

    public func line(_ value: JSONValue) {
        value.write(to: &buffer)
        buffer += "\n"
        if buffer.utf8.count >= limit { flush() }
    }

    public func text(_ s: String) {
        buffer += s
        if buffer.utf8.count >= limit { flush() }
    }

    public func flush() {
        guard !buffer.isEmpty else { return }
        FileHandle.standardOutput.write(Data(buffer.utf8))
        buffer = ""
    }

    deinit { flush() }
}

public enum StandardError {
    public static func line(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }
}
