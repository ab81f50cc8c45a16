import XCTest
import TiquText

final class OrderedParallelMapTests: XCTestCase {
    func testResultsComeBackInInputOrderForAnyNumberOfJobs() {
        let items = Array(0..<257)
        for jobs in [1, 2, 3, 8, 300] {
            // Uneven work, so that later items often finish first.
            let squares = OrderedParallelMap.map(items, jobs: jobs) { item -> Int in
                if item % 7 == 0 { usleep(200) }
                return item * item
            }
            XCTAssertEqual(squares, items.map { $0 * $0 }, "jobs \(jobs)")
        }
    }

    func testEmptyAndSingleInputs() {
        XCTAssertEqual(OrderedParallelMap.map([Int](), jobs: 4) { $0 }, [])
        XCTAssertEqual(OrderedParallelMap.map(["甲"], jobs: 4) { $0 + "乙" }, ["甲乙"])
    }
}
