import XCTest
@testable import TiquPattern

/// The raw buffers of the matcher's hot loops (RawBuffer.swift) hold what they are given:
/// a stack that lost values when it grew would make lookarounds miss states silently.
final class RawBufferTests: XCTestCase {
    func testAStackKeepsEveryValueAcrossGrowth() {
        var stack = RawStack<LookaroundState>(capacity: 2)
        for k in 0..<1_000 { stack.push(LookaroundState(pc: Int32(k), pos: 3 * k)) }
        XCTAssertEqual(stack.count, 1_000)
        for k in (0..<1_000).reversed() {
            let state = stack.pop()
            XCTAssertEqual(state.pc, Int32(k))
            XCTAssertEqual(state.pos, 3 * k)
        }
        XCTAssertTrue(stack.isEmpty)
        stack.push(LookaroundState(pc: 7, pos: 8))
        stack.removeAll()
        XCTAssertTrue(stack.isEmpty)
    }

    func testABufferStartsZeroedCopiesAndFills() {
        let zeroed = RawBuffer<Int>(zeroed: 100)
        XCTAssertEqual((0..<100).map { zeroed[$0] }, [Int](repeating: 0, count: 100))
        let values: [Int32] = [5, -1, 0, Int32.max]
        let copy = RawBuffer(copying: values)
        XCTAssertEqual((0..<values.count).map { copy[$0] }, values)
        copy[1] = 9
        XCTAssertEqual(copy[1], 9)
        copy.fill(-3)
        XCTAssertEqual((0..<values.count).map { copy[$0] }, [-3, -3, -3, -3])
        let empty = RawBuffer<Bool>(zeroed: 0)
        XCTAssertEqual(empty.capacity, 0)
    }
}
