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

    /// Maps groups of up to `groupSize` consecutive items, each group on one thread (for
    /// work that is cheaper done on several items together), and returns the results in
    /// input order. `transform` gives one output per input of its group, in order.
    public static func mapGroups<Input: Sendable, Output: Sendable>(_ items: [Input], groupSize: Int, jobs: Int,
                                                                    _ transform: @Sendable ([Input]) -> [Output]) -> [Output] {
        let size = max(1, groupSize)
        let groups = stride(from: 0, to: items.count, by: size).map { Array(items[$0..<min(items.count, $0 + size)]) }
        return map(groups, jobs: jobs) { group in
            let outputs = transform(group)
            precondition(outputs.count == group.count, "one output per input")
            return outputs
        }.flatMap { $0 }
    }
}

/// Write-once slots filled from several threads at distinct indices. The
/// storage is allocated once and never moves: mutating a shared Swift Array from
/// several threads, even at distinct indices, is an exclusivity violation (and
/// ThreadSanitizer reports it), so the slots are raw memory instead.
private final class ResultSlots<Output>: @unchecked Sendable {
    private let slots: UnsafeMutableBufferPointer<Output?>

    init(count: Int) {
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil)
    }

    deinit {
        _ = slots.deinitialize()
        slots.deallocate()
    }

    func set(_ index: Int, _ value: Output) { slots[index] = value }

    /// Read after the parallel loop has joined.
    func values() -> [Output] { slots.map { $0! } }
}
