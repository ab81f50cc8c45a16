/// A set of Unicode scalar values, stored as sorted, disjoint, non-adjacent closed ranges.
///
/// Surrogate code points (U+D800–U+DFFF) are never members: they are not Unicode scalar
/// values, so removing them keeps `inverted` an exact complement over the scalars.
/// Membership is O(1) for ASCII (a 128-bit bitmap) and O(log r) otherwise (binary search
/// over the r ranges).
public struct ScalarSet: Sendable, Hashable {
    /// The largest Unicode scalar value.
    public static let maxScalar: UInt32 = 0x10FFFF
    static let surrogates: ClosedRange<UInt32> = 0xD800...0xDFFF

    /// Sorted, disjoint, non-adjacent ranges (adjacent only across the surrogate gap).
    public private(set) var ranges: [ClosedRange<UInt32>]
    // ASCII bitmap, derived from `ranges` (so synthesized Hashable stays consistent).
    private var asciiLow: UInt64 = 0
    private var asciiHigh: UInt64 = 0

    /// The empty set.
    public static let empty = ScalarSet(ranges: [])
    /// Every Unicode scalar value.
    public static let all = ScalarSet(ranges: [0...maxScalar])

    /// Creates a set from arbitrary (unsorted, overlapping) ranges; values above U+10FFFF
    /// and surrogates are dropped.
    public init(ranges: some Sequence<ClosedRange<UInt32>>) {
        self.ranges = ScalarSet.normalize(Array(ranges))
        buildBitmap()
    }

    /// Creates a set of the given scalar values.
    public init(scalars: some Sequence<UInt32>) {
        self.init(ranges: scalars.map { $0...$0 })
    }

    /// Creates a set of the scalars of `string`.
    public init(_ string: String) {
        self.init(scalars: string.unicodeScalars.map(\.value))
    }

    /// Whether `scalar` is in the set.
    @inline(__always)
    public func contains(_ scalar: UInt32) -> Bool {
        if scalar < 64 { return asciiLow & (1 &<< UInt64(scalar)) != 0 }
        if scalar < 128 { return asciiHigh & (1 &<< UInt64(scalar &- 64)) != 0 }
        var lo = 0
        var hi = ranges.count
        while lo < hi {
            let mid = (lo &+ hi) >> 1
            if ranges[mid].upperBound < scalar { lo = mid &+ 1 } else { hi = mid }
        }
        return lo < ranges.count && ranges[lo].lowerBound <= scalar
    }

    /// The union of two sets.
    public func union(_ other: ScalarSet) -> ScalarSet {
        ScalarSet(ranges: ranges + other.ranges)
    }

    /// The complement over all Unicode scalar values (0...0x10FFFF minus surrogates).
    public var inverted: ScalarSet {
        var result: [ClosedRange<UInt32>] = []
        var next: UInt32 = 0
        for range in ranges {
            if range.lowerBound > next { result.append(next...(range.lowerBound - 1)) }
            next = range.upperBound + 1
        }
        if next <= ScalarSet.maxScalar { result.append(next...ScalarSet.maxScalar) }
        return ScalarSet(ranges: result)
    }

    /// Whether the set has no members.
    public var isEmpty: Bool { ranges.isEmpty }

    /// The number of scalars in the set.
    public var count: Int {
        ranges.reduce(0) { $0 + Int($1.upperBound - $1.lowerBound) + 1 }
    }

    /// The only member, if the set has exactly one.
    public var singleScalar: UInt32? {
        ranges.count == 1 && ranges[0].lowerBound == ranges[0].upperBound ? ranges[0].lowerBound : nil
    }

    /// Sorts, clamps, merges, and removes surrogates.
    static func normalize(_ input: [ClosedRange<UInt32>]) -> [ClosedRange<UInt32>] {
        let clamped = input.compactMap { r -> ClosedRange<UInt32>? in
            r.lowerBound > maxScalar ? nil : r.lowerBound...min(r.upperBound, maxScalar)
        }.sorted { $0.lowerBound < $1.lowerBound }
        var merged: [ClosedRange<UInt32>] = []
        for r in clamped {
            if let last = merged.last, r.lowerBound <= last.upperBound &+ 1 {
                merged[merged.count - 1] = last.lowerBound...max(last.upperBound, r.upperBound)
            } else {
                merged.append(r)
            }
        }
        return merged.flatMap(removingSurrogates)
    }

    private static func removingSurrogates(_ r: ClosedRange<UInt32>) -> [ClosedRange<UInt32>] {
        guard r.overlaps(surrogates) else { return [r] }
        var parts: [ClosedRange<UInt32>] = []
        if r.lowerBound < surrogates.lowerBound { parts.append(r.lowerBound...(surrogates.lowerBound - 1)) }
        if r.upperBound > surrogates.upperBound { parts.append((surrogates.upperBound + 1)...r.upperBound) }
        return parts
    }

    private mutating func buildBitmap() {
        for r in ranges where r.lowerBound < 128 {
            for v in r.lowerBound...min(r.upperBound, 127) {
                if v < 64 { asciiLow |= 1 << UInt64(v) } else { asciiHigh |= 1 << UInt64(v - 64) }
            }
        }
    }
}
