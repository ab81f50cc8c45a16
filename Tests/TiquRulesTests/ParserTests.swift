import XCTest
@testable import TiquRules

final class ParserTests: XCTestCase {
    private func parse(_ text: String) -> (RuleFile, [Diagnostic]) {
        RuleFileParser.parse(path: "t.tiqu", contents: text)
    }

    func testStatementsAndClauses() {
        let (file, problems) = parse("""
        import "common.tiqu"   # a comment
        lexicon units = "lexicons/units.txt"
        define NUM = @number(kind=cardinal|decimal, magnitude)
        phase 2
        rule q.one
          type QUANTITY
          priority -3
          pattern (?<n> NUM) (?<u> @lex(units, dim=money, !ambiguous)
             | "元")
          span n..u
          value = n.value * u.scale
          qualifier = n.qualifier | "exact"
          example "248亿元" -> "248亿元" value=24800000000 unit=元
          counter "2022年"
        end
        """)
        XCTAssertEqual(problems, [])
        XCTAssertEqual(file.imports.map(\.path), ["common.tiqu"])
        XCTAssertEqual(file.lexicons.map(\.name), ["units"])
        XCTAssertEqual(file.definitions.map(\.name), ["NUM"])
        let rule = file.rules[0]
        XCTAssertEqual(rule.id, "q.one")
        XCTAssertEqual(rule.type, "QUANTITY")
        XCTAssertEqual(rule.priority, -3)
        XCTAssertEqual(rule.phase, 2)
        XCTAssertEqual(rule.spanCaptures?.from, "n")
        XCTAssertEqual(rule.spanCaptures?.to, "u")
        XCTAssertEqual(rule.outputs.map(\.key), ["value", "qualifier"])
        XCTAssertEqual(rule.examples[0].expected[0].attributes, ["value": "24800000000", "unit": "元"])
        XCTAssertEqual(rule.counters.map(\.text), ["2022年"])
        guard case .sequence(let parts)? = rule.pattern, parts.count == 2,
              case .capture("u", .alternation(let branches), _) = parts[1], branches.count == 2 else {
            return XCTFail("the pattern should continue on the next line while a group is open: \(String(describing: rule.pattern))")
        }
        guard case .edge(let spec) = branches[0] else { return XCTFail("\(branches[0])") }
        XCTAssertEqual(spec.names, ["units"])
        XCTAssertEqual(spec.constraints.map(\.key), ["dim", "ambiguous"])
        XCTAssertEqual(spec.constraints[1].test, .absent)
    }

    func testEveryErrorIsReportedWithLocationCaretAndExpectation() {
        let (_, problems) = parse("""
        rule a
          type QUANTITY
          pattern (?<n> @number
          value = n.value +
        end
        bogus statement
        rule b
          pattern [abc
        end
        """)
        XCTAssertEqual(problems.count, 4, problems.map(\.description).joined(separator: "\n"))
        let first = problems[0]
        XCTAssertEqual(first.location.line, 3)
        XCTAssertTrue(first.description.contains("t.tiqu:3:"))
        XCTAssertTrue(first.description.contains("^"))
        XCTAssertTrue(first.description.contains("expected"))
        XCTAssertTrue(problems.contains { $0.location.line == 6 && $0.message.contains("unknown statement 'bogus'") })
    }

    func testOutputsParseSumsOverProductsWithParenthesesAndFallbacks() {
        let (file, problems) = parse("""
        rule m
          type QUANTITY
          pattern (?<y> @number) "元" ((?<j> @number) "角")?
          value = y.value + (j.value * 0.1 | 0)
          unit = "元"
        end
        """)
        XCTAssertEqual(problems, [])
        guard case .sum(.capture("y", "value", _), .fallback(let options))? = file.rules.first?.outputs.first?.expression,
              options.count == 2, case .product(.capture("j", "value", _), .number("0.1")) = options[0],
              case .number("0") = options[1] else {
            return XCTFail("+ binds looser than *, and (...) groups a fallback: \(String(describing: file.rules.first?.outputs))")
        }
        let (_, unclosed) = parse("rule m\n  type QUANTITY\n  pattern \"x\"\n  value = (1 + 2\nend")
        XCTAssertEqual(unclosed.count, 1)
        XCTAssertTrue(unclosed[0].description.contains("expected ')'"), unclosed[0].description)
    }

    func testCaretPointsAtTheBadToken() {
        let (_, problems) = parse("rule a\n  pattern \"x\" ) \"y\"\nend")
        XCTAssertEqual(problems.count, 1)
        XCTAssertEqual(problems[0].location.line, 2)
        XCTAssertEqual(problems[0].location.column, 15)
        XCTAssertTrue(problems[0].description.contains("\n                  ^"), problems[0].description)
    }

    func testQuantifiersLazyGreedyAndLookarounds() {
        let (file, problems) = parse("""
        define A = "a"{2,5}? (?<= "x") (?! @PLACE) !"b" [^0-9\\p{Han}] . ^ $
        """)
        XCTAssertEqual(problems, [])
        guard case .sequence(let parts) = file.definitions[0].pattern else { return XCTFail() }
        guard case let .repetition(_, min, max, greedy, _) = parts[0] else { return XCTFail() }
        XCTAssertEqual([min, max], [2, 5])
        XCTAssertFalse(greedy)
        guard case .look(ahead: false, negated: false, _, _) = parts[1] else { return XCTFail("\(parts[1])") }
        guard case .look(ahead: true, negated: true, _, _) = parts[2] else { return XCTFail("\(parts[2])") }
        guard case .negated = parts[3], case .charClass(let spec, _) = parts[4] else { return XCTFail() }
        XCTAssertTrue(spec.negated)
        XCTAssertEqual(spec.properties, ["\\p{Han}"])
    }

    func testHostileNestingIsRefusedNotCrashing() {
        let deep = String(repeating: "(", count: 5000) + "\"a\"" + String(repeating: ")", count: 5000)
        let (_, problems) = parse("define X = \(deep)")
        XCTAssertEqual(problems.count, 1)
        XCTAssertTrue(problems[0].message.contains("nested more than"))
    }
}
