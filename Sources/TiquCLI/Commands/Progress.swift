import Foundation
import Tiqu

/// A progress line on standard error (documents, MB/s, ETA) for long runs:
/// only when standard error is a terminal and the run has lasted two seconds,
/// redrawn at most twice a second, never on standard output.
final class Progress {
    private let total: Int
    private let enabled: Bool
    private let start = Date()
    private var done = 0
    private var bytes = 0
    private var lastDraw = Date.distantPast
    private var drawn = false

    init(total: Int, enabled: Bool) {
        self.total = total
        self.enabled = enabled && isatty(STDERR_FILENO) == 1
    }

    func advance(bytes count: Int) {
        done += 1
        bytes += count
        guard enabled else { return }
        let now = Date()
        let elapsed = now.timeIntervalSince(start)
        guard elapsed > 2, now.timeIntervalSince(lastDraw) > 0.5 else { return }
        lastDraw = now
        let rate = Double(bytes) / 1_000_000 / elapsed
        let eta = done > 0 ? elapsed / Double(done) * Double(total - done) : 0
        FileHandle.standardError.write(Data(String(format: "\r%d/%d documents  %.2f MB/s  ETA %.0f s  ", done, total, rate, eta).utf8))
        drawn = true
    }

    func finish() {
        if drawn { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}
