import XCTest
@testable import TiquRules

final class LoaderTests: XCTestCase {
    private func load(_ files: [String: String]) -> Result<RuleSet, RuleErrors> {
        Result { () throws(RuleErrors) in try RuleSetLoader.load(RuleSource(name: "R", files: files)) }
    }

    private func errors(_ files: [String: String]) -> [Diagnostic] {
        guard case .failure(let errors) = load(files) else { XCTFail("expected errors"); return [] }
        return errors.diagnostics
    }

    private let units = "吨 unit=吨 scale=1\n万吨 unit=吨 scale=10000\n"

    func testAValidRuleSetCompilesIntoOnePhaseProgram() throws {
        let set = try load(["a.tiqu": """
        lexicon units = "lexicons/units.txt"
        rule q
          type QUANTITY
          pattern (?<n> @number) (?<u> @lex(units))
          value = n.value * u.scale
          example "3吨" -> "3吨"
        end
        """, "lexicons/units.txt": units]).get()
        XCTAssertEqual(set.rules.map(\.id), ["q"])
        XCTAssertEqual(set.phases.count, 1)
        XCTAssertFalse(set.usesTokens, "no @token: ICU segmentation is skipped")
    }

    func testFilesSavedWithCRLFReadAsTheSameLines() throws {
        let rules = "lexicon units = \"lexicons/units.txt\"\nrule q\n  type QUANTITY\n  pattern @number @lex(units)\n  example \"3吨\"\nend\n"
        let crlf = { (text: String) in text.replacingOccurrences(of: "\n", with: "\r\n") }
        let set = try load(["a.tiqu": crlf(rules), "lexicons/units.txt": crlf(units)]).get()
        XCTAssertEqual(set.rules.map(\.id), ["q"])
        XCTAssertEqual(set.rules[0].examples.first?.location.line, 5)
        let (lexicon, problems) = Lexicon.parse(name: "units", path: "units.txt", contents: crlf(units))
        XCTAssertEqual(lexicon.entries.map(\.text), ["吨", "万吨"])
        XCTAssertEqual(lexicon.entries[1].attributes["scale"], "10000")
        XCTAssertTrue(problems.isEmpty)
        // Windows editors also start a file with a byte-order mark.
        let bom = try load(["a.tiqu": "\u{FEFF}" + crlf(rules), "lexicons/units.txt": "\u{FEFF}" + units]).get()
        XCTAssertEqual(bom.rules.map(\.id), ["q"])
        XCTAssertEqual(Lexicon.parse(name: "units", path: "units.txt", contents: "\u{FEFF}" + units).0.entries.first?.text, "吨")
        // An error in a CR LF file names its own line and column.
        let bad = errors(["a.tiqu": crlf("rule q\n  type QUANTITY\n  pattern (\"a\"\nend\n")])
        XCTAssertTrue(bad.contains { $0.location.line == 3 }, bad.map(\.description).joined(separator: "\n"))
    }

    func testAllLoadTimeErrorsAreCollected() {
        let problems = errors(["a.tiqu": """
        lexicon units = "lexicons/units.txt"
        rule q
          type QUANTITY
          pattern (?<n> @number(kind=cardnal)) @lex(unitz) @lex(units, colour=red)
          value = m.value * n.scale
        end
        rule q
          type QUANTITY
          pattern X
          example "x"
        end
        """, "lexicons/units.txt": units])
        let messages = problems.map(\.message)
        XCTAssertTrue(messages.contains { $0.contains("'cardnal' is not a value of kind") }, "\(messages)")
        XCTAssertTrue(messages.contains { $0.contains("unknown lexicon 'unitz'") }, "\(messages)")
        XCTAssertTrue(messages.contains { $0.contains("has no attribute 'colour'") }, "\(messages)")
        XCTAssertTrue(messages.contains { $0.contains("'m' is not a capture") }, "\(messages)")
        XCTAssertTrue(messages.contains { $0.contains("has no attribute 'scale'") }, "\(messages)")
        XCTAssertTrue(messages.contains { $0.contains("duplicate rule id 'q'") }, "\(messages)")
        XCTAssertTrue(messages.contains { $0.contains("unknown name 'X'") }, "\(messages)")
        XCTAssertTrue(problems.allSatisfy { $0.location.file == "a.tiqu" && $0.location.line > 0 })
    }

    /// Files, lexicons and phases are built on several threads; what comes out must not
    /// depend on which finished first.
    func testParallelLoadingGivesTheSameRuleSetAndMessagesEveryTime() throws {
        let lexicon = "lexicon units = \"lexicons/units.txt\"\n"
        let rule = { (id: String, phase: Int) in
            "phase \(phase)\nrule \(id)\n  type QUANTITY\n  pattern @number @lex(units)\n  example \"3吨\"\nend\n"
        }
        var valid = ["lexicons/units.txt": units]
        for (index, name) in ["c", "a", "e", "b", "d"].enumerated() {
            valid["\(name).tiqu"] = lexicon + rule(name, index % 3 + 1)
        }
        let first = try load(valid).get()
        for _ in 0..<10 {
            let again = try load(valid).get()
            XCTAssertEqual(again.rules.map(\.id), first.rules.map(\.id))
            XCTAssertEqual(again.phases.map(\.number), [1, 2, 3])
            XCTAssertEqual(again.phases.map(\.rules), first.phases.map(\.rules))
            XCTAssertEqual(again.lexicons.map(\.name), ["units"])
        }
        var broken = valid
        broken["b.tiqu"] = lexicon + "rule b\n  type QUANTITY\n  pattern (@number\nend\n"
        broken["d.tiqu"] = "lexicon gone = \"lexicons/gone.txt\"\n" + rule("d", 2)
        broken["e.tiqu"] = lexicon + rule("a", 1)
        let problems = errors(broken)
        let messages = problems.map(\.description)
        // Each file's problems, in the order of the files' names, whatever the threads did.
        XCTAssertEqual(problems.map(\.location.file), ["b.tiqu", "b.tiqu", "d.tiqu", "d.tiqu", "e.tiqu"],
                       messages.joined(separator: "\n"))
        for _ in 0..<10 { XCTAssertEqual(errors(broken).map(\.description), messages) }
    }

    func testMissingLexiconAndEscapingPathsAreErrors() {
        let problems = errors(["a.tiqu": """
        lexicon a = "lexicons/missing.txt"
        lexicon b = "../secret.txt"
        lexicon c = "/etc/passwd"
        import "../../x.tiqu"
        """])
        XCTAssertEqual(problems.count, 4, problems.map(\.description).joined(separator: "\n"))
        XCTAssertTrue(problems[0].message.contains("no lexicon \"lexicons/missing.txt\""))
        XCTAssertTrue(problems[1].message.contains("leaves the rules directory"))
        XCTAssertTrue(problems[2].message.contains("leaves the rules directory"))
        XCTAssertTrue(problems[3].message.contains("leaves the rules directory"))
    }

    func testSelfReferentialDefinitionsAreErrors() {
        let problems = errors(["a.tiqu": """
        define A = "a" B
        define B = "b" A
        rule r
          type X
          pattern A
          example "ab"
        end
        """])
        XCTAssertTrue(problems.contains { $0.message.contains("refers to itself: A -> B -> A") }, "\(problems)")
    }

    func testDefinitionsAreVisibleOnlyThroughImports() throws {
        let shared = "define NUM = @number\n"
        let user = "rule r\n  type X\n  pattern NUM\n  example \"3\"\nend\n"
        XCTAssertTrue(errors(["shared.tiqu": shared, "user.tiqu": user]).contains { $0.message.contains("unknown name 'NUM'") })
        XCTAssertNoThrow(try load(["shared.tiqu": shared, "user.tiqu": "import \"shared.tiqu\"\n" + user]).get())
    }

    func testHostilePatternsGiveBoundedErrors() {
        let start = Date()
        let problems = errors(["a.tiqu": "rule r\n  type X\n  pattern \"a\"{1,100000}\n  example \"a\"\nend\n"])
        XCTAssertTrue(problems.contains { $0.message.contains("cannot be compiled") }, "\(problems)")
        let alternatives = (0..<100_000).map { "\"w\($0)\"" }.joined(separator: " | ")
        _ = load(["b.tiqu": "rule r\n  type X\n  pattern \(alternatives)\n  example \"w1\"\nend\n"])
        XCTAssertLessThan(Date().timeIntervalSince(start), 60)
    }
}
