import TiquTestSupport
import XCTest
import TiquPattern

/// The required-anchor prefilter (RequiredAnchors.swift) must spare the matcher the
/// threads of rules whose selective element is absent, and must never lose a match;
/// the differential tests check the second point on random patterns, these check the
/// first on the shapes real rules have.
final class RequiredAnchorsTests: XCTestCase {
    let han = ScalarSet(ranges: [0x4E00...0x9FFF])
    /// 100,000 Han characters, none of them 镇, 乡 or 开.
    lazy var text: [UInt32] = {
        var rng = SplitMix64(seed: 7)
        let excluded: Set<UInt32> = [0x9547, 0x4E61, 0x5F00]
        return (0..<100_000).map { _ in
            var v: UInt32
            repeat { v = 0x4E00 + UInt32(rng.int(0x5000)) } while excluded.contains(v)
            return v
        }
    }()

    private func steps(_ rule: Pattern, edges: [Lattice.Edge] = []) throws -> (MatchStatistics, [PatternMatch]) {
        let program = try RuleSetProgram.compile([rule], captureCounts: [0])
        var matcher = PatternMatcher(program: program)
        let found = matcher.matches(in: Lattice(scalars: text, edges: edges))
        return (matcher.statistics, found)
    }

    /// Only 128 anchors get a bit in the position masks. A rule whose start
    /// is gated by its anchor must keep that bit even when more rules found earlier have
    /// anchors of their own further in, past a word they begin with (in the order anchors
    /// were found, the rules before it took every bit, and the last rule started at every
    /// Han character).
    func testStartAnchorsGetTheirBitsFirst() throws {
        let earlier = 134   // more rules than bits
        let words = (0..<UInt32(earlier)).map { (k: UInt32) -> String in
            String(UnicodeScalar(0x4E00 + 2 * k)!) + String(UnicodeScalar(0x4E01 + 2 * k)!)
        }
        var rules = words.map { word in
            Pattern.sequence([lit("甲乙"), .repetition(.scalars(han), min: 1, max: 3, greedy: true), lit(word)])
        }
        rules.append(.sequence([.repetition(.scalars(han), min: 1, max: 3, greedy: true), lit("终点")]))
        let program = try RuleSetProgram.compile(rules, captureCounts: rules.map { _ in 0 })
        var matcher = PatternMatcher(program: program, profilingRules: true)
        XCTAssertEqual(matcher.matches(in: Lattice(scalars: text)), [])
        XCTAssertEqual(matcher.statistics.rules[earlier].starts, 0, "\(matcher.statistics.rules[earlier])")
    }

    func testBroadPrefixBeforeASuffixThatNeverOccurs() throws {
        // \p{Han}{1,3} [镇乡]: without the prefilter, three threads at every position.
        let rule = Pattern.sequence([.repetition(.scalars(han), min: 1, max: 3, greedy: true), set("镇乡")])
        let (stats, found) = try steps(rule)
        XCTAssertEqual(found, [])
        XCTAssertLessThan(stats.threadSteps, text.count / 10, "\(stats)")
    }

    func testRunAfterAnEdgeDiesWhereItsAnchorIsAbsent() throws {
        // @edge \p{Han}{0,10} "开发区" with edges every 50 characters: the threads after
        // each edge are dropped at once instead of running ten characters each.
        let edges = stride(from: 0, to: text.count - 2, by: 50).map { Lattice.Edge(start: $0, end: $0 + 2, predicate: 0) }
        let rule = Pattern.sequence([.edge(0), .repetition(.scalars(han), min: 0, max: 10, greedy: true), lit("开发区")])
        let (stats, found) = try steps(rule, edges: edges)
        XCTAssertEqual(found, [])
        XCTAssertLessThan(stats.threadSteps, 8 * edges.count, "\(stats)")
    }

    func testPositiveLookaheadIsAnAnchor() throws {
        // \p{Han}{2,3} (?= [镇乡]) never matches here, and costs next to nothing.
        let rule = Pattern.sequence([.repetition(.scalars(han), min: 2, max: 3, greedy: true),
                                     .look(.ahead, negated: false, set("镇乡"))])
        let (stats, found) = try steps(rule)
        XCTAssertEqual(found, [])
        XCTAssertLessThan(stats.threadSteps, text.count / 10, "\(stats)")
    }

    func testMatchesNearAnchorsAreAllFound() throws {
        // Every third character a 镇: \p{Han}{1,3}? 镇 must find each one.
        var withSuffix = text
        for k in stride(from: 2, to: withSuffix.count, by: 3) { withSuffix[k] = 0x9547 }
        let rule = Pattern.sequence([.repetition(.scalars(ScalarSet(ranges: [0x4E00...0x9546, 0x9548...0x9FFF])), min: 1, max: 3, greedy: true),
                                     lit("镇")])
        let program = try RuleSetProgram.compile([rule], captureCounts: [0])
        let found = matches(of: program, in: Lattice(scalars: withSuffix))
        XCTAssertEqual(found.count, withSuffix.count / 3)
        XCTAssertTrue(found.allSatisfy { $0.end - $0.start == 3 })
    }

    func testAnchorsSharingABitAtOtherDistancesFindEveryMatch() throws {
        // Two rules need 镇 at distances 1...3 and 4...6: two anchors with one mask bit.
        // 镇 comes at irregular gaps, some longer than the scanner's ring of 128
        // positions, so windows wrap around the ring and skip whole stretches of it.
        var rng = SplitMix64(seed: 11)
        var text = Array(self.text.prefix(4_000))
        var k = 0
        while true {
            k += [1, 2, 4, 5, 7, 40, 127, 129, 200][rng.int(9)]
            guard k < text.count else { break }
            text[k] = 0x9547
        }
        let notZhen = Pattern.scalars(ScalarSet(ranges: [0x4E00...0x9546, 0x9548...0x9FFF]))
        let rules = [Pattern.sequence([.repetition(notZhen, min: 1, max: 3, greedy: true), lit("镇")]),
                     Pattern.sequence([.repetition(notZhen, min: 4, max: 6, greedy: false), lit("镇")])]
        let program = try RuleSetProgram.compile(rules, captureCounts: [0, 0])
        let found = matches(of: program, in: Lattice(scalars: text))
        let want = ReferenceInterpreter(text: text, boundaries: [], edges: []).matches(rules: rules, captureCounts: [0, 0])
        XCTAssertEqual(found, want)
        XCTAssertGreaterThan(want.filter { $0.rule == 1 }.count, 10)
    }

    /// The test text with 开 at every tenth position: a frequent first character.
    private var textWithCommonFirst: [UInt32] {
        var result = text
        for k in stride(from: 5, to: result.count, by: 10) { result[k] = 0x5F00 }
        return result
    }

    func testLiteralAnchorSkipsACommonFirstCharacter() throws {
        // \p{Han}{1,3} "开发区": 开 is everywhere, 开发区 nowhere. Anchored on the character
        // 开, the rule would start near every 开; anchored on the literal, almost nowhere.
        let rule = Pattern.sequence([.repetition(.scalars(han), min: 1, max: 3, greedy: true), lit("开发区")])
        let program = try RuleSetProgram.compile([rule], captureCounts: [0])
        var matcher = PatternMatcher(program: program)
        XCTAssertEqual(matcher.matches(in: Lattice(scalars: textWithCommonFirst)), [])
        XCTAssertLessThan(matcher.statistics.threadSteps, text.count / 20, "\(matcher.statistics)")
    }

    func testLiteralAnchorKeepsEveryMatch() throws {
        // The same rule finds each 开发区 put into the text.
        var scalars = textWithCommonFirst
        let word = "开发区".unicodeScalars.map(\.value)
        let starts = Array(stride(from: 1_000, to: scalars.count - 10, by: 7_919))
        for s in starts { scalars.replaceSubrange(s..<s + 3, with: word) }
        let rule = Pattern.sequence([.repetition(.scalars(han), min: 1, max: 3, greedy: true), lit("开发区")])
        let found = matches(of: try RuleSetProgram.compile([rule], captureCounts: [0]), in: Lattice(scalars: scalars))
        XCTAssertEqual(found.map(\.end), starts.map { $0 + 3 })
    }

    func testTooManyLiteralsAreCheckedByTheirPrefixes() throws {
        // \p{Han}{1,3} [开关门] 发 [一二三四]{4}: 768 literals, too many to check one by
        // one, but they begin with 192 prefixes (开发一二三 ...) that occur nowhere.
        // Anchored on their first characters (开 at every tenth position), the rule would
        // start near every 开; anchored on the prefixes, almost nowhere.
        let digits = Pattern.scalars(ScalarSet(scalars: "一二三四".unicodeScalars.map(\.value)))
        let rule = Pattern.sequence([.repetition(.scalars(han), min: 1, max: 3, greedy: true), set("开关门"), lit("发"),
                                     digits, digits, digits, digits])
        let program = try RuleSetProgram.compile([rule], captureCounts: [0])
        var matcher = PatternMatcher(program: program)
        XCTAssertEqual(matcher.matches(in: Lattice(scalars: textWithCommonFirst)), [])
        XCTAssertLessThan(matcher.statistics.threadSteps, text.count / 20, "\(matcher.statistics)")
        // ... and still finds each occurrence.
        var scalars = textWithCommonFirst
        let word = "关发四三二一".unicodeScalars.map(\.value)
        let starts = Array(stride(from: 1_000, to: scalars.count - 10, by: 7_919))
        for s in starts { scalars.replaceSubrange(s..<s + 6, with: word) }
        XCTAssertEqual(matches(of: program, in: Lattice(scalars: scalars)).map(\.end), starts.map { $0 + 6 })
    }

    func testStrongAnchorLooksPastABoundedEdge() throws {
        // @edge \p{Han}{0,4} "开发区" with an edge at every fifth position: the edge is no
        // anchor worth having, the literal after it is, once the edge's length is known.
        let scalars = textWithCommonFirst
        let edges = stride(from: 0, to: scalars.count - 2, by: 5).map { Lattice.Edge(start: $0, end: $0 + 2, predicate: 0) }
        let rule = Pattern.sequence([.edge(0), .repetition(.scalars(han), min: 0, max: 4, greedy: true), lit("开发区")])
        var work: [Int] = []
        for lengths in [[2], []] as [[Int?]] {
            let program = try RuleSetProgram.compile([rule], captureCounts: [0], edgeLengths: lengths)
            var matcher = PatternMatcher(program: program)
            XCTAssertEqual(matcher.matches(in: Lattice(scalars: scalars, edges: edges)), [])
            work.append(matcher.statistics.threadSteps)
        }
        XCTAssertLessThan(work[0], edges.count / 10, "with the edge's length")
        XCTAssertGreaterThan(work[1], edges.count, "without it the edge is the anchor")
    }
}
