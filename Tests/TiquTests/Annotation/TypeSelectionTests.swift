import XCTest
import TiquText
@testable import Tiqu

final class TypeSelectionTests: XCTestCase {
    func testNumberAddsTheNumeralLayerBesideTheRulesEntities() throws {
        let annotator = Annotator(ruleSet: try RuleSetTests.defaultRules())
        let selection = try TypeSelection("number, QUANTITY", ruleSet: annotator.ruleSet)
        let document = Document(name: "t", text: "粮食产量约16.85万吨，增长3%")
        let entities = selection.select(try annotator.annotate(document), of: document)
        XCTAssertEqual(entities.map(\.type), ["NUMBER", "QUANTITY", "NUMBER"], "no PERCENT: it was not selected")
        let number = entities[0]
        XCTAssertEqual(document.slice(number.start, number.end), "16.85万")
        XCTAssertEqual(number.value?.description, "168500")
        XCTAssertEqual(number.qualifier, "approx")
        XCTAssertEqual(number.attribute("kind"), "cardinal")
        XCTAssertEqual(number.provenance(in: annotator.ruleSet).id, "numerals")
        XCTAssertEqual(entities[1].provenance(in: annotator.ruleSet).id, "quantity.unit")
    }

    func testATypeNoRuleProducesIsAnErrorThatListsTheKnownOnes() throws {
        let ruleSet = try RuleSetTests.defaultRules()
        XCTAssertThrowsError(try TypeSelection("PLACE,BOGUS", ruleSet: ruleSet)) { error in
            XCTAssertEqual("\(error)", "no entities of type BOGUS: the rules produce PERCENT, PLACE, PROJECT, QUANTITY, and NUMBER is the numeral layer")
        }
    }
}
