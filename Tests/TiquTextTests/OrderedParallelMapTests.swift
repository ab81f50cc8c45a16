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

    func testGroupsAreConsecutiveAndResultsComeBackInInputOrder() {
        let items = Array(0..<103)
        for (groupSize, jobs) in [(1, 1), (8, 1), (8, 2), (8, 5), (200, 3), (0, 2)] {
            let results = OrderedParallelMap.mapGroups(items, groupSize: groupSize, jobs: jobs) { group -> [[Int]] in
                group.map { _ in group }   // each item learns its group
            }
            XCTAssertEqual(results.count, items.count)
            for (item, group) in zip(items, results) {
                XCTAssertTrue(group.contains(item), "groupSize \(groupSize), jobs \(jobs)")
                XCTAssertEqual(group, Array(group.first!...group.last!), "a group is consecutive items")
                XCTAssertLessThanOrEqual(group.count, max(1, groupSize))
                XCTAssertEqual(group.first! % max(1, groupSize), 0, "groups start at multiples of the size")
            }
        }
        XCTAssertEqual(OrderedParallelMap.mapGroups([Int](), groupSize: 8, jobs: 2) { $0 }, [])
    }

    func testEmptyAndSingleInputs() {
        XCTAssertEqual(OrderedParallelMap.map([Int](), jobs: 4) { $0 }, [])
        XCTAssertEqual(OrderedParallelMap.map(["甲"], jobs: 4) { $0 + "乙" }, ["甲乙"])
    }
}
