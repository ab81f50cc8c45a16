import Dispatch

/// Maps items on several threads and returns the results in input order, so
/// that `--jobs N` writes byte-for-byte what `--jobs 1` writes.
public enum OrderedParallelMap {
    public static func map<Input: Sendable, Output: Sendable>(_ items: [Input], jobs: Int,
                                                              _ transform: @Sendable (Input) -> Output) -> [Output] {
        guard jobs > 1, items.count > 1 else { return items.map(transform) }
        let results = ResultSlots<Output>(count: items.count)
        // Each index is written by exactly one iteration, so the slots need no lock.
        DispatchQueue.concurrentPerform(iterations: min(jobs, items.count)) { worker in
            var index = worker
            while index < items.count {
                results.set(index, transform(items[index]))
                index += jobs
            }
        }
        return results.values()
    }
}

/// Write-once slots filled from several threads at distinct indices.
private final class ResultSlots<Output>: @unchecked Sendable {
    private var slots: [Output?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: Output) {
        slots.withUnsafeMutableBufferPointer { $0[index] = value }
    }

    func values() -> [Output] { slots.map { $0! } }
}
