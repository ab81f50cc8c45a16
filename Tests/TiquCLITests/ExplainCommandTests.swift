import Foundation
import XCTest

final class ExplainCommandTests: XCTestCase {
    func testShowsLatticeWinnersLosersAndReasons() throws {
        let result = try TiquProcess.run(["explain", "--text", "琼结县粮食产量16.85万吨，整治浪卡子县城排污问题"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("numerals:"))
        XCTAssertTrue(result.stdout.contains("16.85万"))
        XCTAssertTrue(result.stdout.contains("(places)"), "lexicon hits are listed with their lexicon")
        XCTAssertTrue(result.stdout.contains("WON  [7,14) QUANTITY \"16.85万吨\" value=168500 unit=吨"), result.stdout)
        XCTAssertTrue(result.stdout.contains("lost [17,21) PLACE \"浪卡子县\""), result.stdout)
        XCTAssertTrue(result.stdout.contains("to [17,20) PLACE \"浪卡子\"") && result.stdout.contains("lower priority (10 < 11)"),
                      "a loser names its winner and the criterion")
    }

    func testNearMissSaysHowFarTheRuleGot() throws {
        let result = try TiquProcess.run(["explain", "--rule", "percent.points", "--text", "提高了2.21个点"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("rule percent.points"), result.stdout)
        XCTAssertTrue(result.stdout.contains("did not match"), result.stdout)
    }

    func testAMistypedRuleIdFailsAndSuggestsTheClosest() throws {
        let result = try TiquProcess.run(["explain", "--rule", "place.sufixed", "--text", "琼结县"])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stdout.isEmpty, "nothing is explained for a rule that does not exist")
        XCTAssertTrue(result.stderr.contains("no rule 'place.sufixed'") && result.stderr.contains("did you mean place.suffixed"),
                      result.stderr)
    }

    func testNearMissCountsALookbehindThatHolds() throws {
        // The rule's first element is a lookbehind (zero width); it holds after "，",
        // and the rule fails at its second element there.
        let stdout = try nearMiss(pattern: "(?<= [，。]) \"镇\" \\p{Han}{2}", text: "，唐江乡建设")
        XCTAssertTrue(stdout.contains("the first 1 of its 3 elements match:"), stdout)
        XCTAssertTrue(stdout.contains("[1,1) \"\", followed by \"唐江乡建设\""), stdout)
        XCTAssertTrue(stdout.contains("element 2 fails there: \"镇\""), stdout)
    }

    func testNearMissGoesInsideTheFailingGroup() throws {
        // The rule is a lookbehind and one capture; the report goes into the capture's
        // sequence and then into the alternative that gets furthest, and names the
        // element that fails at the end of 唐江.
        let stdout = try nearMiss(pattern: "(?<= [，。]) (?<name> \\p{Han}{2} [镇乡] | \"新\" \\p{Han} \"区\")", text: "，唐江村建设")
        XCTAssertTrue(stdout.contains("element 2 fails there: (([a class of"), stdout)
        XCTAssertTrue(stdout.contains("of its 2 alternatives, number 1 gets furthest, the first 1 of its 2 elements match:"),
                      stdout)
        XCTAssertTrue(stdout.contains("[1,3) \"唐江\", followed by \"村建设\""), stdout)
        XCTAssertTrue(stdout.contains("element 2 fails there: [a class of 2 characters]"), stdout)
    }

    func testNearMissNamesADefinitionAndJoinsLiterals() throws {
        // A part that a definition expanded to is written as the definition's name, and
        // a literal as it was written ("新区", not "新" "区"); inside the definition the
        // report still goes down to the element that fails.
        let rules = """
        define TOWN_SHAPE = \\p{Han}{2} [镇乡]
        rule near.named
          type PLACE
          pattern (?<= [，。]) (?<name> TOWN_SHAPE | "新区" \\p{Han})
        end

        """
        let output = try explain(rules: rules, rule: "near.named", text: "，唐江村建设")
        XCTAssertTrue(output.contains("element 2 fails there: (TOWN_SHAPE | \"新区\" [a class of"), output)
        XCTAssertTrue(output.contains("element 2 fails there: [a class of 2 characters]"), output)
    }

    func testNearMissSeesWhatTheMatcherSeesNotAnEarlierVeto() throws {
        // Phase 1 vetoes 农村 as a PLACE; a veto removes candidates and is no entity, so
        // the phase-2 rule that needs a PLACE fails at @PLACE, as it does in the matcher
        // (the near miss once saw the veto as a PLACE and said the rule's name matched).
        let rules = """
        rule near.veto
          type PLACE
          veto
          priority 100
          pattern "农村"
        end
        phase 2
        rule near.works
          type PROJECT
          pattern (?<name> \\p{Han}{0,4} @PLACE \\p{Han}{0,4} "工程")
          span name
        end

        """
        let output = try explain(rules: rules, rule: "near.works", text: "，农村供水保障工程")
        XCTAssertTrue(output.contains("VETO [1,3) PLACE \"农村\""), output)
        XCTAssertTrue(output.contains("did not match"), output)
        XCTAssertTrue(output.contains("fails there: @PLACE"), output)
    }

    /// `tiqu explain --rule near.town` for a one-rule set with `pattern`, on `text`.
    private func nearMiss(pattern: String, text: String) throws -> String {
        try explain(rules: "rule near.town\n  type PLACE\n  pattern \(pattern)\nend\n", rule: "near.town", text: text)
    }

    /// `tiqu explain --rule RULE --text TEXT` with `rules` as the one rule file; its output.
    private func explain(rules: String, rule: String, text: String) throws -> String {
        let dir = try TiquProcess.scratch(["near.tiqu": Array(rules.utf8)])
        defer { try? FileManager.default.removeItem(at: dir) }
        let result = try TiquProcess.run(["explain", "--rules", dir.path, "--rule", rule, "--text", text])
        XCTAssertEqual(result.status, 0, result.stderr)
        return result.stdout
    }
}

/// Text no report contains, given to every layer: each record is annotated or
/// gets its own error, and nothing crashes.
final class HostileTextTests: XCTestCase {
    func testHostileRecordsAllComeBack() throws {
        let digits = String(repeating: "9", count: 10_000)
        let texts = [
            "\u{0}\u{0}山南市\u{0}增长3.4%",
            "\u{202E}山南市\u{200B}增长\u{200D}3.4%\u{202C}",
            digits + "元",
            String(repeating: "（", count: 100_000) + "3万吨" + String(repeating: "）", count: 100_000),
            String(repeating: "一", count: 50_000),
        ]
        var input = ""
        for (k, text) in texts.enumerated() {
            let data = try JSONSerialization.data(withJSONObject: ["id": k, "text": text])
            input += String(decoding: data, as: UTF8.self) + "\n"
        }
        input += #"{"id": "lone", "text": "\ud800"}"# + "\n"
        let result = try TiquProcess.run(["annotate", "--jsonl"], stdin: Data(input.utf8))
        XCTAssertEqual(result.status, 0, result.stderr)
        let lines = result.lines.map(json)
        XCTAssertEqual(lines.count, texts.count + 1)
        // Foundation's JSON reader cannot hold a 10,000-digit number, so that line is checked as text.
        XCTAssertTrue(result.lines[2].contains("\"text\": \"\(digits)元\", \"value\": \(digits),"), "a 10,000-digit amount stays exact")
        XCTAssertEqual((lines[3]["entities"] as? [[String: Any]])?.first?["value"] as? Int, 30000)
    }
}
