/// Buffers of plain values for the matcher's hot loops.
///
/// WHY: in the closure loop, the lookaround search and the anchor scanner, a Swift array
/// stored in a struct costs a uniqueness check on every write, a bounds check on every
/// access and often a retain and release around a read; together they were a tenth of
/// the matcher's instructions. These buffers are reached through a plain pointer and
/// cost none of that. They are noncopyable, so each has exactly one owner, which frees
/// it: no two matchers can share one by accident.
///
/// SAFETY: indices are not checked. Every index used with them is bounded by
/// construction where the buffer is sized (per instruction, per rule, per lookaround),
/// and `RawStack` grows before it writes.

/// A buffer of `capacity` values, zero-filled or copied from an array.
struct RawBuffer<Element: BitwiseCopyable>: ~Copyable {
    let base: UnsafeMutablePointer<Element>
    let capacity: Int

    /// `capacity` values whose bytes are all zero (0, false, ...).
    init(zeroed capacity: Int) {
        self.capacity = capacity
        let raw = UnsafeMutableRawPointer.allocate(byteCount: max(capacity, 1) * MemoryLayout<Element>.stride,
                                                   alignment: MemoryLayout<Element>.alignment)
        raw.initializeMemory(as: UInt8.self, repeating: 0, count: max(capacity, 1) * MemoryLayout<Element>.stride)
        base = raw.bindMemory(to: Element.self, capacity: max(capacity, 1))
    }

    /// A copy of `array`.
    init(copying array: [Element]) {
        self.init(zeroed: array.count)
        _ = UnsafeMutableBufferPointer(start: base, count: capacity).update(fromContentsOf: array)
    }

    subscript(index: Int) -> Element {
        @inline(__always) get { base[index] }
        @inline(__always) nonmutating set { base[index] = newValue }
    }

    /// Sets every value to `value`.
    func fill(_ value: Element) {
        base.update(repeating: value, count: capacity)
    }

    deinit { base.deallocate() }
}

/// A stack of values in a raw buffer that doubles when full.
struct RawStack<Element: BitwiseCopyable>: ~Copyable {
    private var buffer: RawBuffer<Element>
    private(set) var count = 0

    init(capacity: Int = 64) {
        buffer = RawBuffer(zeroed: max(capacity, 1))
    }

    var isEmpty: Bool { count == 0 }

    @inline(__always)
    mutating func push(_ value: Element) {
        if count == buffer.capacity { grow() }
        buffer[count] = value
        count &+= 1
    }

    /// The top value, removed; the stack must not be empty.
    @inline(__always)
    mutating func pop() -> Element {
        count &-= 1
        return buffer[count]
    }

    mutating func removeAll() { count = 0 }

    @inline(never)
    private mutating func grow() {
        let larger = RawBuffer<Element>(zeroed: 2 * buffer.capacity)
        larger.base.update(from: buffer.base, count: count)
        buffer = larger
    }
}
