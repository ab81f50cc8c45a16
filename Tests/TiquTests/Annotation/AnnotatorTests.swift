import XCTest
@testable import Tiqu
import TiquRules

/// The pipeline on small rule sets written for each property.
final class AnnotatorTests: XCTestCase {
    static func annotator(_ files: [String: String]) throws -> Annotator {
        Annotator(ruleSet: try RuleSetLoader.load(RuleSource(name: "R", files: files)))
    }

    private let lexicon = "吨 unit=吨 scale=1\n万吨 unit=吨 scale=10000\n约 qualifier=approx\n"

    func testValuesAreExactAndSpansSliceBack() throws {
        let annotator = try Self.annotator(["q.tiqu": """
        lexicon l = "l.txt"
        rule q
          type QUANTITY
          pattern (?<before> @lex(l, qualifier))? (?<n> @number) (?<u> @lex(l, unit))
          span n..u
          value = n.value * u.scale
          unit = u.unit
          qualifier = before.qualifier | "exact"
          example "约16.85万吨" -> "16.85万吨" value=168500 qualifier=approx
        end
        """, "l.txt": lexicon])
        let document = Document(text: "产量约16.85万吨，𠮷0.1万吨")
        let entities = try annotator.annotate(document)
        XCTAssertEqual(entities.map { document.slice($0.start, $0.end) }, ["16.85万吨", "0.1万吨"])
        XCTAssertEqual(entities.map { $0.value?.description }, ["168500", "1000"])
        XCTAssertEqual(entities.map(\.qualifier), ["approx", "exact"])
        let json = entities[0].json(in: document, ruleSet: annotator.ruleSet).serialized()
        XCTAssertTrue(json.contains(#""rule": "q", "source": "R/q.tiqu:2""#), json)
        XCTAssertTrue(json.contains(#""before": {"start": 2, "end": 3, "text": "约"}"#), json)
    }

    func testSumsAreExactAndAnAbsentPartFallsBackToZero() throws {
        let annotator = try Self.annotator(["m.tiqu": """
        rule m
          type QUANTITY
          pattern (?<y> @number) "元" ((?<j> @number) "角")? ((?<f> @number) "分")?
          value = y.value + (j.value * 0.1 | 0) + (f.value * 0.01 | 0)
          unit = "元"
          example "5元3角" -> "5元3角" value=5.3
        end
        """])
        let document = Document(text: "共0.1元2角，另7元9分，又3元")
        let entities = try annotator.annotate(document)
        XCTAssertEqual(entities.map { document.slice($0.start, $0.end) }, ["0.1元2角", "7元9分", "3元"])
        // Exact: 0.1 + 0.2 is 0.3, not 0.30000000000000004.
        XCTAssertEqual(entities.map { $0.value?.description }, ["0.3", "7.09", "3"])
    }

    func testRequiresMakesAnEntryCountOnlyWhereTheDocumentNamesWhatItNeeds() throws {
        let annotator = try Self.annotator(["p.tiqu": """
        lexicon places = "places.txt"
        rule p
          type PLACE
          pattern @lex(places)
        end
        """, "places.txt": "互助土族自治县\n互助县\n互助 requires=互助土族自治县|互助县\n"])
        let texts = ["加强互助合作", "互助土族自治县召开会议，互助青稞酒增产", "互助县，互助八眉猪"]
        let found = try texts.map { text in
            let document = Document(text: text)
            return try annotator.annotate(document).map { document.slice($0.start, $0.end) }
        }
        XCTAssertEqual(found, [[], ["互助土族自治县", "互助"], ["互助县", "互助"]])
    }

    func testRequiresNamesEntriesOfTheSameLexicon() throws {
        let files = ["p.tiqu": "lexicon places = \"places.txt\"\nrule p\n  type PLACE\n  pattern @lex(places)\nend\n",
                     "places.txt": "互助 requires=互助土族自治县\n"]
        XCTAssertThrowsError(try Self.annotator(files)) { error in
            XCTAssertTrue("\(error)".contains("places.txt:1:1: error: requires '互助土族自治县', which is not an entry"), "\(error)")
        }
    }

    func testConflictPolicyPriorityThenLengthThenStartThenRuleOrder() throws {
        let rules = """
        rule a.short
          type T
          pattern "ab"
          example "ab"
        end
        rule b.long
          type T
          pattern "abc"
          example "abc"
        end
        rule c.priority
          type T
          priority 5
          pattern "bc"
          example "bc"
        end
        rule d.same
          type T
          pattern "xy"
          example "xy"
        end
        rule e.same
          type T
          pattern "xy"
          example "xy"
        end
        rule f.other-type
          type U
          pattern "abc"
          example "abc"
        end
        """
        let annotator = try Self.annotator(["r.tiqu": rules])
        let document = Document(text: "abc xy")
        let entities = try annotator.annotate(document)
        let winners = entities.map { "\(annotator.ruleSet.rules[$0.rule].id):\(document.slice($0.start, $0.end))" }
        XCTAssertEqual(winners, ["f.other-type:abc", "c.priority:bc", "d.same:xy"])
        let losses = try annotator.trace(document).flatMap(\.losses)
        XCTAssertTrue(losses.contains { $0.reason.hasPrefix("lower priority") })
        XCTAssertTrue(losses.contains { $0.reason.contains("winning rule comes earlier") })
    }

    func testLaterPhasesSeeEarlierEntities() throws {
        let annotator = try Self.annotator(["p.tiqu": """
        rule place
          type PLACE
          pattern "山南"
          example "山南"
        end
        phase 2
        rule project
          type PROJECT
          pattern (?<p> @PLACE) "机场"
          example "山南机场"
        end
        """])
        let document = Document(text: "建设山南机场")
        XCTAssertEqual(try annotator.annotate(document).map(\.type), ["PLACE", "PROJECT"])
    }

    func testEchoFindsLaterMentionsOfAnEarlierName() throws {
        // Phase 1 finds 龙脊镇 after a comma (and 乡 alone, too short to echo). Phase 2 finds
        // the name 龙脊 wherever it is, before or after, and the full name 龙脊镇 also where
        // phase 1 did not (after 。).
        let annotator = try Self.annotator(["p.tiqu": """
        lexicon suffixes = "suffixes.txt"
        rule town
          type PLACE
          pattern "，" (?<n> "龙脊镇" | "乡")
          span n
        end
        phase 2
        rule name
          type PLACE
          pattern (?<n> @echo(PLACE, suffixes))
          span n
        end
        rule full
          type TOWN
          pattern (?<n> @echo(PLACE))
          span n
        end
        """, "suffixes.txt": "镇\n乡\n"])
        let document = Document(text: "龙脊茶增产，龙脊镇，乡。龙脊镇")
        let found = try annotator.annotate(document).map { "\($0.type) \(document.slice($0.start, $0.end))@\($0.start)" }
        XCTAssertEqual(found, ["PLACE 龙脊@0", "PLACE 龙脊镇@6", "TOWN 龙脊镇@6", "PLACE 乡@10", "PLACE 龙脊@12", "TOWN 龙脊镇@12"])
    }

    func testEchoNeedsAnEntityTypeAndAKnownLexicon() throws {
        for (pattern, message) in [("@echo(place)", "@echo needs an entity type"), ("@echo(PLACE, nosuch)", "unknown lexicon 'nosuch'")] {
            let files = ["p.tiqu": "phase 2\nrule p\n  type PLACE\n  pattern \(pattern)\nend\n"]
            XCTAssertThrowsError(try Self.annotator(files)) { error in
                XCTAssertTrue("\(error)".contains(message), "\(error)")
            }
        }
    }

    func testVetoClaimsItsSpanAndIsDropped() throws {
        let annotator = try Self.annotator(["v.tiqu": """
        rule n
          type QUANTITY
          pattern @number "项"
          example "3项"
        end
        rule quoted
          type QUANTITY
          veto
          priority 100
          pattern "“" [^”]{1,10} "”"
          example "“21项实事”" -> "“21项实事”"
        end
        """])
        let entities = try annotator.annotate(Document(text: "“21项实事”和3项"))
        XCTAssertEqual(entities.count, 1)
        XCTAssertEqual(entities.first?.start, 8)  // the 3项 after the quotation
    }

    func testDeterministicAcrossRuns() throws {
        let annotator = Annotator(ruleSet: try RuleSetTests.defaultRules())
        let document = try Document.load(path: RuleSetTests.repository.appendingPathComponent("Corpus/docs/shannan-2023.txt").path)
        let first = try annotator.annotate(document).map { $0.json(in: document, ruleSet: annotator.ruleSet).serialized() }
        let second = try annotator.annotate(document).map { $0.json(in: document, ruleSet: annotator.ruleSet).serialized() }
        XCTAssertEqual(first, second)
        for entity in try annotator.annotate(document) {
            XCTAssertTrue(entity.start < entity.end && entity.end <= document.count)
        }
    }

    /// One annotator reuses its matchers from document to document and across threads
    /// (MatcherPool.swift): each document must come out as a fresh annotator gives it,
    /// whatever came before, including documents that end inside a match.
    func testReusedMatchersLeaveNothingBehind() throws {
        let ruleSet = try RuleSetTests.defaultRules()
        let seed = try Document.load(path: RuleSetTests.repository.appendingPathComponent("Corpus/docs/shannan-2023.txt").path)
        let documents = [seed, Document(text: "财政收入增长5%"), Document(text: "，推进琼结县"),
                         Document(text: ""), Document(text: "实施羊湖流域综合治理工程和"), seed]
        let serialize: @Sendable (Annotator, Document) throws -> [String] = { annotator, document in
            try annotator.annotate(document).map { $0.json(in: document, ruleSet: ruleSet).serialized() }
        }
        let fresh = try documents.map { try serialize(Annotator(ruleSet: ruleSet), $0) }
        let shared = Annotator(ruleSet: ruleSet)
        XCTAssertEqual(try documents.map { try serialize(shared, $0) }, fresh)
        let inParallel = OrderedParallelMap.map(documents + documents, jobs: 4) { try? serialize(shared, $0) }
        XCTAssertEqual(inParallel, (fresh + fresh).map { Optional($0) })
    }

    /// Annotating documents together, phase by phase, must give each document exactly
    /// what it gets alone, whatever its neighbours in the group (a document that ends
    /// inside a match, an empty one, the same one twice).
    func testAGroupGivesEachDocumentWhatItGetsAlone() throws {
        let ruleSet = try RuleSetTests.defaultRules()
        let seed = try Document.load(path: RuleSetTests.repository.appendingPathComponent("Corpus/docs/shannan-2023.txt").path)
        let documents = [Document(text: "实施羊湖流域综合治理工程和"), seed, Document(text: ""), Document(text: "，推进琼结县"),
                         seed, Document(text: "财政收入增长5%，粮食产量16.85万吨")]
        let serialize = { (document: Document, entities: [Entity]) in
            entities.map { $0.json(in: document, ruleSet: ruleSet).serialized() }
        }
        let alone = try documents.map { serialize($0, try Annotator(ruleSet: ruleSet).annotate($0)) }
        XCTAssertFalse(alone[1].isEmpty)
        // Rounds of up to 20 code points split a group (the seed goes alone), and of 2^18 do not.
        for annotator in [Annotator(ruleSet: ruleSet), Annotator(ruleSet: ruleSet, roundCodePoints: 20)] {
            for size in [1, 2, documents.count] {
                var grouped: [[String]] = []
                for first in stride(from: 0, to: documents.count, by: size) {
                    let group = Array(documents[first..<min(documents.count, first + size)])
                    grouped += try zip(group, annotator.annotate(group)).map { serialize($0, try $1.get()) }
                }
                XCTAssertEqual(grouped, alone, "groups of \(size), rounds of \(annotator.roundCodePoints)")
            }
            XCTAssertEqual(annotator.annotate([]).count, 0)
        }
    }

    func testRuleWorkChargesEachRuleItsOwnStartsAndMatches() throws {
        // `town` can start only at 镇 after a Han character; `any` at every Han character.
        let annotator = try Self.annotator(["p.tiqu": """
        rule town
          type PLACE
          pattern \\p{Han} "镇"
        end
        rule any
          type PLACE
          priority 1
          pattern \\p{Han}{2} "村"
        end
        """])
        let document = Document(text: "复兴镇和兴隆镇的核桃坝村")
        let work = try annotator.ruleWork(document)
        let town = work[annotator.ruleSet.rules.firstIndex { $0.id == "town" }!]
        let any = work[annotator.ruleSet.rules.firstIndex { $0.id == "any" }!]
        XCTAssertEqual(town.matches, 2)
        XCTAssertEqual(any.matches, 1)
        // Each rule is started only where its anchor (镇, 村) is in reach, and pays for its own steps.
        XCTAssertEqual(town.starts, 2)
        XCTAssertEqual(any.starts, 1)
        XCTAssertGreaterThan(town.threadSteps, 0)
        XCTAssertGreaterThan(any.threadSteps, 0)
        // Profiling changes no result.
        XCTAssertEqual(try annotator.annotate(document).map(\.start), [1, 5, 9])
    }
}

/// The default rules' matcher work on the seed, in steps (deterministic, unlike time): a
/// rule edit that quietly costs every rule its prefilter (one new alternative in the project
/// name's character class once took 22.8 steps per code point to 29.9) fails here, and
/// `tiqu bench --rule-costs N` names the rules that grew.
final class MatcherWorkBudgetTests: XCTestCase {
    func testDefaultRulesStayWithinTheirWorkBudgetOnTheSeed() throws {
        let annotator = Annotator(ruleSet: try RuleSetTests.defaultRules())
        let seed = try Document.load(path: RuleSetTests.repository.appendingPathComponent("Corpus/docs/shannan-2023.txt").path)
        let steps = try annotator.ruleWork(seed).reduce(0) { $0 + $1.steps }
        let perCodePoint = Double(steps) / Double(seed.count)
        XCTAssertGreaterThan(perCodePoint, 5, "the profile counts nothing")
        XCTAssertLessThan(perCodePoint, 25, "\(steps) steps on \(seed.count) code points")
    }
}

/// A document's entities depend on that document and the rules only: not on the
/// other documents annotated before it, nor on the order the rule files are read.
final class IndependenceTests: XCTestCase {
    func testBatchOrderAndRuleFileOrderDoNotMatter() throws {
        let root = RuleSetTests.repository.appendingPathComponent("Corpus/docs").path
        let names = try FileManager.default.contentsOfDirectory(atPath: root).filter { $0.hasSuffix(".txt") }.sorted()
        let documents = try names.map { try Document.load(path: root + "/" + $0) }
        let annotator = Annotator(ruleSet: try RuleSetTests.defaultRules())
        func render(_ document: Document, _ a: Annotator) throws -> [String] {
            try a.annotate(document).map { $0.json(in: document, ruleSet: a.ruleSet).serialized() }
        }
        let forward = try documents.map { try render($0, annotator) }
        let backward = try documents.reversed().map { try render($0, annotator) }.reversed()
        XCTAssertEqual(forward, Array(backward))

        // The same files handed over in another order load into the same rule set.
        let source = try RuleSource.directory(RuleSetTests.repository.appendingPathComponent("Rules").path)
        let shuffled = RuleSource(name: source.name, files: Dictionary(uniqueKeysWithValues: source.files.shuffled()))
        let other = Annotator(ruleSet: try RuleSetLoader.load(shuffled))
        XCTAssertEqual(try render(documents[0], other), forward[0])
    }
}
