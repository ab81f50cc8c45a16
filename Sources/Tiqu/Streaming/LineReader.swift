import Foundation

/// Reads a byte stream line by line (LF, with a CR before it dropped), in
/// fixed-size chunks, so memory is bounded by the longest line, not the stream.
public final class LineReader {
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var position = 0
    private var finished = false
    public private(set) var lineNumber = 0

    public init(handle: FileHandle = .standardInput) {
        self.handle = handle
    }

    /// The next line's bytes without its terminator, or nil at the end.
    public func next() -> [UInt8]? {
        while true {
            if let newline = buffer[position...].firstIndex(of: 0x0A) {
                var line = Array(buffer[position..<newline])
                position = newline + 1
                if line.last == 0x0D { line.removeLast() }
                lineNumber += 1
                return line
            }
            if finished {
                guard position < buffer.count else { return nil }
                let line = Array(buffer[position...])
                position = buffer.count
                lineNumber += 1
                return line
            }
            refill()
        }
    }

    private func refill() {
        buffer.removeFirst(position)
        position = 0
        let chunk = handle.readData(ofLength: 1 << 20)
        if chunk.isEmpty { finished = true } else { buffer.append(contentsOf: chunk) }
    }
}
