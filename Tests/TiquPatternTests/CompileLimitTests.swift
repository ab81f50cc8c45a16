import TiquTestSupport
import XCTest
import TiquPattern

final class CompileLimitTests: XCTestCase {
    func compileError(_ rules: [Pattern], counts: [Int]? = nil, limits: CompileLimits = .default) -> PatternCompileError? {
        do {
            _ = try RuleSetProgram.compile(rules, captureCounts: counts ?? rules.map { _ in 0 }, limits: limits)
            return nil
        } catch {
            return error
        }
    }

    func testHugeRepetitionIsRejectedQuickly() {
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            XCTAssertEqual(compileError([.repetition(lit("a"), min: 1, max: 100_000, greedy: true)]),
                           .repetitionTooLarge(rule: 0, count: 100_000, limit: 10_000))
            XCTAssertEqual(compileError([lit("x"), .repetition(lit("a"), min: 100_000, max: nil, greedy: true)]),
                           .repetitionTooLarge(rule: 1, count: 100_000, limit: 10_000))
        }
        XCTAssertLessThan(elapsed, .seconds(1))
    }

    func testNestedRepetitionExceedingInstructionsIsRejectedBeforeEmission() {
        // (a{1,10000}){1,10000}: each count is allowed, the product (10^8) is not.
        let inner = Pattern.repetition(lit("a"), min: 1, max: 10_000, greedy: true)
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            XCTAssertEqual(compileError([.repetition(inner, min: 1, max: 10_000, greedy: true)]),
                           .tooManyInstructions(rule: 0, limit: 1_000_000))
        }
        XCTAssertLessThan(elapsed, .seconds(1))
    }

    func testAllowedLargeRepetitionCompilesWithinBound() throws {
        let program = try RuleSetProgram.compile([.repetition(lit("a"), min: 1, max: 10_000, greedy: true)],
                                                 captureCounts: [0])
        XCTAssertLessThanOrEqual(program.instructionCount, 2 * 10_000 + 1)
    }

    func testHundredThousandAlternatives() throws {
        var rng = SplitMix64(seed: 3)
        let alternatives = (0..<100_000).map { _ in
            Pattern.sequence((0..<3).map { _ in .scalar(0x4E00 + UInt32(rng.int(5000))) })
        }
        let clock = ContinuousClock()
        var program: RuleSetProgram?
        let elapsed = clock.measure {
            program = try? RuleSetProgram.compile([.alternation(alternatives)], captureCounts: [0])
        }
        XCTAssertNotNil(program)
        XCTAssertLessThan(elapsed, .seconds(30))
        XCTAssertLessThanOrEqual(program?.instructionCount ?? .max, 500_001)
        // The same with a tight instruction budget is a clear error, not a partial program.
        XCTAssertEqual(compileError([.alternation(alternatives)], limits: CompileLimits(maxInstructions: 10_000)),
                       .tooManyInstructions(rule: 0, limit: 10_000))
    }

    func testInvalidRepetition() {
        XCTAssertEqual(compileError([.repetition(lit("a"), min: 3, max: 2, greedy: true)]),
                       .invalidRepetition(rule: 0, min: 3, max: 2))
        XCTAssertEqual(compileError([.repetition(lit("a"), min: -1, max: nil, greedy: true)]),
                       .invalidRepetition(rule: 0, min: -1, max: nil))
    }

    func testUnboundedLookaroundIsRejected() {
        XCTAssertEqual(compileError([.sequence([lit("a"), .look(.ahead, negated: false, .star(lit("b")))])]),
                       .unboundedLookaround(rule: 0))
        XCTAssertEqual(compileError([.look(.behind, negated: true, .plus(lit("b")))]),
                       .unboundedLookaround(rule: 0))
    }

    func testExpensiveLookaroundIsRejected() {
        let big = Pattern.repetition(.alternation([lit("a"), lit("b")]), min: 0, max: 10_000, greedy: true)
        guard case .lookaroundTooExpensive(rule: 0, _, limit: 100_000)? =
            compileError([.look(.ahead, negated: false, big)]) else {
            return XCTFail("expected lookaroundTooExpensive")
        }
    }

    func testCaptureIndexValidation() {
        XCTAssertEqual(compileError([.capture(1, lit("a"))], counts: [1]),
                       .captureIndexOutOfRange(rule: 0, index: 1, captureCount: 1))
        XCTAssertEqual(compileError([lit("a")], counts: [0, 0]), .captureCountMismatch(rules: 1, captureCounts: 2))
    }

    func testNestingDepthLimit() {
        var p = lit("a")
        for _ in 0..<600 { p = .capture(0, p) }
        XCTAssertEqual(compileError([p], counts: [1]), .nestingTooDeep(rule: 0, limit: 500))
    }
}
