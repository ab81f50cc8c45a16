/// A document's text in UTF-16 (what ICU works in) with O(1) conversion of
/// offsets in both directions.
///
/// When the text has no character outside the BMP, both units coincide and no
/// table is kept. Otherwise two prefix tables are built once, in one pass, so
/// that no lookup ever walks the text.
public struct UTF16Buffer: Sendable {
    public let units: [UInt16]
    /// unit index -> code-point index (count + 1 entries), nil for identity.
    private let codePointOfUnit: [Int32]?
    /// code-point index -> unit index (count + 1 entries), nil for identity.
    private let unitOfCodePoint: [Int32]?

    public init(_ document: Document) {
        var units: [UInt16] = []
        units.reserveCapacity(document.count)
        var hasSupplementary = false
        for value in document.codePoints {
            if value > 0xFFFF {
                hasSupplementary = true
                let v = value - 0x10000
                units.append(UInt16(0xD800 + (v >> 10)))
                units.append(UInt16(0xDC00 + (v & 0x3FF)))
            } else {
                units.append(UInt16(value))
            }
        }
        self.units = units
        guard hasSupplementary else {
            codePointOfUnit = nil
            unitOfCodePoint = nil
            return
        }
        var toCodePoint = [Int32](repeating: 0, count: units.count + 1)
        var toUnit = [Int32](repeating: 0, count: document.count + 1)
        var unit = 0
        for (index, value) in document.codePoints.enumerated() {
            toUnit[index] = Int32(unit)
            toCodePoint[unit] = Int32(index)
            if value > 0xFFFF {
                // The low surrogate maps to its character's start; ICU never
                // reports a boundary there, but the table stays total.
                toCodePoint[unit + 1] = Int32(index)
                unit += 2
            } else {
                unit += 1
            }
        }
        toUnit[document.count] = Int32(unit)
        toCodePoint[unit] = Int32(document.count)
        codePointOfUnit = toCodePoint
        unitOfCodePoint = toUnit
    }

    public func codePointOffset(ofUnit unit: Int) -> Int {
        codePointOfUnit.map { Int($0[unit]) } ?? unit
    }

    public func unitOffset(ofCodePoint index: Int) -> Int {
        unitOfCodePoint.map { Int($0[index]) } ?? index
    }
}
