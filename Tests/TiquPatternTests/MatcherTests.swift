import XCTest
import TiquPattern

/// One test per construct; expected results are written out by hand.
final class MatcherTests: XCTestCase {
    func testLiteralFindsAllNonOverlapping() throws {
        let ms = try findMatches([lit("机场")], in: "去机场和机场机场")
        XCTAssertEqual(spans(ms), [[0, 1, 3], [0, 4, 6], [0, 6, 8]])
    }

    func testLiteralNoMatch() throws {
        XCTAssertEqual(try findMatches([lit("机场")], in: "机械场地"), [])
    }

    func testScalarSetsAndRanges() throws {
        let digits = Pattern.plus(.scalars(ScalarSet(ranges: [0x30...0x39])))
        let ms = try findMatches([digits], in: "第12条第3款")
        XCTAssertEqual(spans(ms), [[0, 1, 3], [0, 5, 6]])
        let notDigit = Pattern.plus(.scalars(ScalarSet(ranges: [0x30...0x39]).inverted))
        XCTAssertEqual(spans(try findMatches([notDigit], in: "ab1c")), [[0, 0, 2], [0, 3, 4]])
    }

    func testEdgesOfSeveralLengthsPreferLonger() throws {
        // Edges of predicate 7 at 0: lengths 1, 2 and 4; the longest wins.
        let edges = [(0, 1, 7), (0, 2, 7), (0, 4, 7), (4, 5, 7)]
        XCTAssertEqual(spans(try findMatches([.edge(7)], in: "abcdef", edges: edges)), [[0, 0, 4], [0, 4, 5]])
        // If the longer edge cannot continue, the shorter one is used.
        let then = Pattern.sequence([.edge(7), lit("c")])
        XCTAssertEqual(spans(try findMatches([then], in: "abcdef", edges: edges)), [[0, 0, 3]])
        // Mixed with code points, and an edge from a later position.
        let mixed = Pattern.sequence([lit("x"), .edge(3), lit("y")])
        XCTAssertEqual(spans(try findMatches([mixed], in: "x机场y", edges: [(1, 3, 3)])), [[0, 0, 4]])
    }

    func testEdgeRepetitionAcrossJumps() throws {
        // Tokens: [0,2) [2,3) [3,6) of predicate 1, and a long entity [0,6) of predicate 2.
        let edges = [(0, 2, 1), (2, 3, 1), (3, 6, 1), (0, 6, 2)]
        XCTAssertEqual(spans(try findMatches([.plus(.edge(1))], in: "abcdef", edges: edges)), [[0, 0, 6]])
        XCTAssertEqual(spans(try findMatches([.repetition(.edge(1), min: 1, max: 2, greedy: true)],
                                            in: "abcdef", edges: edges)), [[0, 0, 3], [0, 3, 6]])
        let either = Pattern.alternation([.edge(1), .edge(2)])
        XCTAssertEqual(spans(try findMatches([either], in: "abcdef", edges: edges)), [[0, 0, 2], [0, 2, 3], [0, 3, 6]])
    }

    func testAlternationPriority() throws {
        XCTAssertEqual(spans(try findMatches([.alternation([lit("a"), lit("ab")])], in: "ab")), [[0, 0, 1]])
        XCTAssertEqual(spans(try findMatches([.alternation([lit("ab"), lit("a")])], in: "ab")), [[0, 0, 2]])
        // Leftmost beats priority: the match at 0 wins even though "b" is listed first.
        XCTAssertEqual(spans(try findMatches([.alternation([lit("bc"), lit("abc")])], in: "abc")), [[0, 0, 3]])
    }

    func testGreedyVersusLazy() throws {
        XCTAssertEqual(spans(try findMatches([.plus(lit("a"))], in: "aaa")), [[0, 0, 3]])
        XCTAssertEqual(spans(try findMatches([.plus(lit("a"), greedy: false)], in: "aaa")),
                       [[0, 0, 1], [0, 1, 2], [0, 2, 3]])
        let lazyThenB = Pattern.sequence([.star(.anyScalar, greedy: false), lit("b")])
        XCTAssertEqual(spans(try findMatches([lazyThenB], in: "aabab")), [[0, 0, 3], [0, 3, 5]])
        let greedyThenB = Pattern.sequence([.star(.anyScalar), lit("b")])
        XCTAssertEqual(spans(try findMatches([greedyThenB], in: "aabab")), [[0, 0, 5]])
    }

    func testCountedRepetition() throws {
        let a23 = Pattern.repetition(lit("a"), min: 2, max: 3, greedy: true)
        XCTAssertEqual(spans(try findMatches([a23], in: "aaaaaaa")), [[0, 0, 3], [0, 3, 6]])
        let a23lazy = Pattern.repetition(lit("a"), min: 2, max: 3, greedy: false)
        XCTAssertEqual(spans(try findMatches([a23lazy], in: "aaaaa")), [[0, 0, 2], [0, 2, 4]])
        let a2up = Pattern.repetition(lit("a"), min: 2, max: nil, greedy: true)
        XCTAssertEqual(spans(try findMatches([a2up], in: "abaaaab")), [[0, 2, 6]])
        let exactly0 = Pattern.repetition(lit("a"), min: 0, max: 0, greedy: true)
        XCTAssertEqual(try findMatches([exactly0], in: "aaa"), [])
    }

    func testCaptures() throws {
        // (\d+)年(\d+)?月
        let digits = Pattern.plus(.scalars(ScalarSet(ranges: [0x30...0x39])))
        let rule = Pattern.sequence([.capture(0, digits), lit("年"),
                                     .optional(.capture(1, digits)), lit("月")])
        let ms = try findMatches([rule], captureCounts: [2], in: "2024年5月和2023年月")
        XCTAssertEqual(ms, [PatternMatch(rule: 0, start: 0, end: 7, captures: [0..<4, 5..<6]),
                            PatternMatch(rule: 0, start: 8, end: 14, captures: [8..<12, nil])])
    }

    func testCaptureInRepetitionKeepsLastIteration() throws {
        let rule = Pattern.plus(.capture(0, set("ab")))
        let ms = try findMatches([rule], captureCounts: [1], in: "xaba")
        XCTAssertEqual(ms, [PatternMatch(rule: 0, start: 1, end: 4, captures: [3..<4])])
    }

    func testAGroupBetweenGuardsIsTheWholeMatch() throws {
        // The one group of a guard-name-guard rule is reported as the match without a
        // capture pass; a group with anything consuming beside it, inside a repetition or
        // inside a lookaround, or one of two groups, is not.
        let guarded = Pattern.sequence([.look(.behind, negated: false, set("，")), .capture(0, .plus(set("甲乙"))),
                                        .sequence([.look(.ahead, negated: true, lit("丙")), .assertion(.textEnd)])])
        XCTAssertTrue(guarded.captureIsWholeMatch(captureCount: 1))
        XCTAssertFalse(guarded.captureIsWholeMatch(captureCount: 2))
        XCTAssertFalse(Pattern.sequence([lit("x"), .capture(0, lit("y"))]).captureIsWholeMatch(captureCount: 1))
        XCTAssertFalse(Pattern.optional(.capture(0, lit("y"))).captureIsWholeMatch(captureCount: 1))
        XCTAssertFalse(Pattern.sequence([.look(.ahead, negated: false, .capture(0, lit("y"))), lit("y")])
            .captureIsWholeMatch(captureCount: 1))
        let ms = try findMatches([guarded], captureCounts: [1], in: "甲，乙甲")
        XCTAssertEqual(ms, [PatternMatch(rule: 0, start: 2, end: 4, captures: [2..<4])])
    }

    func testCaptureOverEdges() throws {
        let rule = Pattern.sequence([.capture(0, .edge(1)), .capture(1, .plus(.edge(2)))])
        let edges = [(0, 2, 1), (0, 3, 1), (3, 4, 2), (2, 4, 2), (4, 6, 2)]
        let ms = try findMatches([rule], captureCounts: [2], in: "abcdef", edges: edges)
        XCTAssertEqual(ms, [PatternMatch(rule: 0, start: 0, end: 6, captures: [0..<3, 3..<6])])
    }

    func testAssertions() throws {
        XCTAssertEqual(spans(try findMatches([.sequence([.assertion(.textStart), lit("a")])], in: "aaa")), [[0, 0, 1]])
        XCTAssertEqual(spans(try findMatches([.sequence([lit("a"), .assertion(.textEnd)])], in: "aaa")), [[0, 2, 3]])
        let sentenceInitial = Pattern.sequence([.assertion(.sentenceStart), lit("第")])
        XCTAssertEqual(spans(try findMatches([sentenceInitial], in: "第一。第二第三", boundaries: [3])),
                       [[0, 0, 1], [0, 3, 4]])
        let sentenceFinal = Pattern.sequence([lit("。"), .assertion(.sentenceEnd)])
        XCTAssertEqual(spans(try findMatches([sentenceFinal], in: "甲。乙。丙。", boundaries: [2])),
                       [[0, 1, 2], [0, 5, 6]])
    }

    func testLookahead() throws {
        let positive = Pattern.sequence([lit("a"), .look(.ahead, negated: false, lit("b"))])
        XCTAssertEqual(spans(try findMatches([positive], in: "abacab")), [[0, 0, 1], [0, 4, 5]])
        let negative = Pattern.sequence([lit("a"), .look(.ahead, negated: true, lit("b"))])
        XCTAssertEqual(spans(try findMatches([negative], in: "abacab")), [[0, 2, 3]])
        let overEdge = Pattern.sequence([lit("a"), .look(.ahead, negated: false, .sequence([.edge(5), lit("d")]))])
        XCTAssertEqual(spans(try findMatches([overEdge], in: "abcd", edges: [(1, 3, 5)])), [[0, 0, 1]])
    }

    func testLookbehind() throws {
        let positive = Pattern.sequence([.look(.behind, negated: false, lit("ab")), lit("c")])
        XCTAssertEqual(spans(try findMatches([positive], in: "abcxbcabc")), [[0, 2, 3], [0, 8, 9]])
        let negative = Pattern.sequence([.look(.behind, negated: true, lit("b")), lit("c")])
        XCTAssertEqual(spans(try findMatches([negative], in: "cbcac")), [[0, 0, 1], [0, 4, 5]])
        // Lookbehind over an edge ending at the current position.
        let overEdge = Pattern.sequence([.look(.behind, negated: false, .edge(4)), lit("c")])
        XCTAssertEqual(spans(try findMatches([overEdge], in: "abcac", edges: [(0, 2, 4)])), [[0, 2, 3]])
        // Bounded repetition inside a lookbehind.
        let counted = Pattern.sequence([.look(.behind, negated: false,
                                              .repetition(lit("a"), min: 2, max: 3, greedy: true)), lit("b")])
        XCTAssertEqual(spans(try findMatches([counted], in: "abaabaaab")), [[0, 4, 5], [0, 8, 9]])
    }

    func testNotEdge() throws {
        // Code points not covered by the start of a predicate-9 edge.
        let rule = Pattern.plus(.notEdge(9))
        XCTAssertEqual(spans(try findMatches([rule], in: "abcde", edges: [(2, 4, 9)])), [[0, 0, 2], [0, 3, 5]])
    }

    func testSeveralRulesAtOnceSortedByStartThenRule() throws {
        let rules = [lit("bc"), lit("abc"), .plus(set("abc"))]
        let ms = try findMatches(rules, in: "abcabc")
        XCTAssertEqual(spans(ms), [[1, 0, 3], [2, 0, 6], [0, 1, 3], [1, 3, 6], [0, 4, 6]])
    }

    func testNonOverlapWithinRuleOverlapAcrossRules() throws {
        let ms = try findMatches([lit("aa"), lit("aa")], in: "aaaaa")
        XCTAssertEqual(spans(ms), [[0, 0, 2], [1, 0, 2], [0, 2, 4], [1, 2, 4]])
        // The next search resumes at the end of the previous match, not one past its start.
        let ms2 = try findMatches([.alternation([lit("aba"), lit("b")])], in: "ababa")
        XCTAssertEqual(spans(ms2), [[0, 0, 3], [0, 3, 4]])
    }

    func testEmptyMatchesAreNeverReported() throws {
        XCTAssertEqual(try findMatches([.empty], in: "abc"), [])
        XCTAssertEqual(try findMatches([.star(lit("a"))], in: ""), [])
        XCTAssertEqual(spans(try findMatches([.star(lit("a"))], in: "bab")), [[0, 1, 2]])
        // A lazy star whose preferred match is empty falls back to one iteration.
        XCTAssertEqual(spans(try findMatches([.star(lit("a"), greedy: false)], in: "aa")), [[0, 0, 1], [0, 1, 2]])
        XCTAssertEqual(try findMatches([.assertion(.textStart)], in: "abc"), [])
    }

    func testEmptyLoopBodiesTerminate() throws {
        let nested = Pattern.sequence([.star(.star(lit("a"))), lit("b")])
        XCTAssertEqual(spans(try findMatches([nested], in: "aab")), [[0, 0, 3]])
        let emptyBody = Pattern.star(.empty)
        XCTAssertEqual(try findMatches([emptyBody], in: "aaa"), [])
    }

    func testMatcherIsReusable() throws {
        let program = try RuleSetProgram.compile([lit("ab")], captureCounts: [0])
        var matcher = PatternMatcher(program: program)
        XCTAssertEqual(spans(matcher.matches(in: Lattice(text: "abab"))), [[0, 0, 2], [0, 2, 4]])
        XCTAssertEqual(spans(matcher.matches(in: Lattice(text: "xab"))), [[0, 1, 3]])
        XCTAssertEqual(matcher.matches(in: Lattice(text: "")), [])
    }

    func testAstralScalars() throws {
        let rule = Pattern.plus(.scalars(ScalarSet(ranges: [0x20000...0x2A6DF])))   // CJK Ext. B
        XCTAssertEqual(spans(try findMatches([rule], in: "a𠀀𠀁b")), [[0, 1, 3]])
    }

    func testLatticeDeduplicatesEdges() {
        let e = Lattice.Edge(start: 0, end: 2, predicate: 1)
        let lattice = Lattice(scalars: [1, 2, 3], edges: [e, e, Lattice.Edge(start: 0, end: 1, predicate: 1)])
        XCTAssertEqual(lattice.edges.count, 2)
        XCTAssertEqual(lattice.edges.first?.end, 2)   // longest first at one start
    }
}
