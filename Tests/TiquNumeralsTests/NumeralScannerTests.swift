import Foundation
import XCTest
@testable import TiquNumerals

/// Table-driven: each case is a text and what the scanner must report.
final class NumeralScannerTests: XCTestCase {
    struct Expect {
        let text: String
        let value: String?
        let kind: NumeralKind
        var range: (String, String)? = nil
        var qualifier: Qualifier? = nil
    }

    private func scan(_ text: String) -> [(String, Numeral)] {
        let scalars = text.unicodeScalars.map(\.value)
        return NumeralScanner().scan(scalars).map { n in
            (String(String.UnicodeScalarView(text.unicodeScalars.dropFirst(n.start).prefix(n.end - n.start))), n)
        }
    }

    private func check(_ input: String, _ expected: [Expect], file: StaticString = #filePath, line: UInt = #line) {
        let found = scan(input)
        XCTAssertEqual(found.map(\.0), expected.map(\.text), input, file: file, line: line)
        for ((_, numeral), want) in zip(found, expected) {
            XCTAssertEqual(numeral.kind, want.kind, "\(input): \(want.text)", file: file, line: line)
            XCTAssertEqual(numeral.value?.description, want.value, "\(input): \(want.text)", file: file, line: line)
            if let (lo, hi) = want.range {
                XCTAssertEqual(numeral.min?.description, lo, input, file: file, line: line)
                XCTAssertEqual(numeral.max?.description, hi, input, file: file, line: line)
            }
            XCTAssertEqual(numeral.qualifier, want.qualifier, "\(input): \(want.text)", file: file, line: line)
        }
    }

    func testArabicForms() {
        check("1,234个", [Expect(text: "1,234", value: "1234", kind: .cardinal)])
        check("1,735.2亿元", [Expect(text: "1,735.2亿", value: "173520000000", kind: .cardinal)])
        check("１２．５％", [Expect(text: "１２．５％", value: "12.5", kind: .percent)])
        check("４，５６５人", [Expect(text: "４，５６５", value: "4565", kind: .cardinal)])
        check("1, 234", [Expect(text: "1", value: "1", kind: .cardinal), Expect(text: "234", value: "234", kind: .cardinal)])
        check("3,5", [Expect(text: "3", value: "3", kind: .cardinal), Expect(text: "5", value: "5", kind: .cardinal)])
    }

    func testExactDecimalArithmetic() {
        check("16.85万吨", [Expect(text: "16.85万", value: "168500", kind: .cardinal)])
        check("285.5万千瓦", [Expect(text: "285.5万", value: "2855000", kind: .cardinal)])
        check("0.1亿", [Expect(text: "0.1亿", value: "10000000", kind: .cardinal)])
        check("2.6万亿", [Expect(text: "2.6万亿", value: "2600000000000", kind: .cardinal)])
        check("1.8亿", [Expect(text: "1.8亿", value: "180000000", kind: .cardinal)])
        check("一点二万亩", [Expect(text: "一点二万", value: "12000", kind: .cardinal)])
        check("3千瓦", [Expect(text: "3", value: "3", kind: .cardinal)])
        check("13,500千升", [Expect(text: "13,500", value: "13500", kind: .cardinal)])
        check("１２００兆瓦", [Expect(text: "１２００", value: "1200", kind: .cardinal)])
        check("2.5千米", [Expect(text: "2.5", value: "2.5", kind: .decimal)])
        check("五兆", [Expect(text: "五兆", value: "5000000000000", kind: .cardinal)])
        check("PM2.5浓度", [])
        check("ＰＭ２．５年均浓度", [])
        check("Ｇ３１２线", [])
    }

    func testChineseDigitsAndForms() {
        check("三百四十八名", [Expect(text: "三百四十八", value: "348", kind: .cardinal)])
        check("壹佰贰拾叁", [Expect(text: "壹佰贰拾叁", value: "123", kind: .cardinal)])
        check("貳萬參仟陸佰", [Expect(text: "貳萬參仟陸佰", value: "23600", kind: .cardinal)])
        check("廿三", [Expect(text: "廿三", value: "23", kind: .cardinal)])
        check("卅", [Expect(text: "卅", value: "30", kind: .cardinal)])
        check("一千〇五", [Expect(text: "一千〇五", value: "1005", kind: .cardinal)])
        check("幺八九", [Expect(text: "幺八九", value: "189", kind: .cardinal)])
        check("两千六", [Expect(text: "两千六", value: "2600", kind: .cardinal)])
        check("一万三", [Expect(text: "一万三", value: "13000", kind: .cardinal)])
        check("四万万", [Expect(text: "四万万", value: "400000000", kind: .cardinal)])
        check("五万亿", [Expect(text: "五万亿", value: "5000000000000", kind: .cardinal)])
        check("三亿五千万", [Expect(text: "三亿五千万", value: "350000000", kind: .cardinal)])
        check("3万5千", [Expect(text: "3万5千", value: "35000", kind: .cardinal)])
        check("25万6千", [Expect(text: "25万6千", value: "256000", kind: .cardinal)])
        check("3万4000", [Expect(text: "3万4000", value: "34000", kind: .cardinal)])
        check("二点五", [Expect(text: "二点五", value: "2.5", kind: .decimal)])
        check("一点两小时", [Expect(text: "一", value: "1", kind: .cardinal), Expect(text: "两", value: "2", kind: .cardinal)])
    }

    func testNegatives() {
        check("负三十二", [Expect(text: "负三十二", value: "-32", kind: .cardinal)])
        check("零下5度", [Expect(text: "零下5", value: "-5", kind: .cardinal)])
        check("增长-2.5%", [Expect(text: "-2.5%", value: "-2.5", kind: .percent)])
        // 减负 is "relieve the burden": the amount relieved is positive.
        check("为市场主体减负2.3亿元", [Expect(text: "2.3亿", value: "230000000", kind: .cardinal)])
        check("利润增长负3%", [Expect(text: "负3%", value: "-3", kind: .percent)])
    }

    func testFractionsAndPercentages() {
        check("三分之一", [Expect(text: "三分之一", value: "0.33333333333333333", kind: .fraction)])
        check("二又三分之一", [Expect(text: "二又三分之一", value: "2.3333333333333333", kind: .fraction)])
        check("３／５", [Expect(text: "３／５", value: "0.6", kind: .fraction)])
        // Two consecutive years are a season or a school year, not a ratio; other years are.
        check("2021/2022年榨季", [Expect(text: "2021/2022", value: nil, kind: .range, range: ("2021", "2022"))])
        XCTAssertEqual(scan("2022/2023学年").first?.1.boundKind, .year)
        check("2021/2023", [Expect(text: "2021/2023", value: "0.99901136925358379", kind: .fraction)])
        check("百分之十", [Expect(text: "百分之十", value: "10", kind: .percent)])
        check("百分之百", [Expect(text: "百分之百", value: "100", kind: .percent)])
        check("千分之三", [Expect(text: "千分之三", value: "0.3", kind: .permille)])
        check("万分之五", [Expect(text: "万分之五", value: "0.05", kind: .permyriad)])
        check("3‰", [Expect(text: "3‰", value: "0.3", kind: .permille)])
        check("三成", [Expect(text: "三成", value: "30", kind: .percent)])
        check("三成半", [Expect(text: "三成半", value: "35", kind: .percent)])
        check("半成", [Expect(text: "半成", value: "5", kind: .percent)])
        check("九折", [Expect(text: "九折", value: "90", kind: .percent)])
        check("2.21个百分点", [Expect(text: "2.21个百分点", value: "2.21", kind: .percentagePoint)])
        check("成本下降", [])
        check("三年建成", [Expect(text: "三", value: "3", kind: .cardinal)])
        check("折合100美元", [Expect(text: "100", value: "100", kind: .cardinal)])
    }

    func testRanges() {
        check("3到5", [Expect(text: "3到5", value: nil, kind: .range, range: ("3", "5"))])
        check("3至5", [Expect(text: "3至5", value: nil, kind: .range, range: ("3", "5"))])
        check("3-5", [Expect(text: "3-5", value: nil, kind: .range, range: ("3", "5"))])
        check("3～5", [Expect(text: "3～5", value: nil, kind: .range, range: ("3", "5"))])
        check("3%-5%", [Expect(text: "3%-5%", value: nil, kind: .range, range: ("3", "5"))])
        check("6到8万亩", [Expect(text: "6到8万", value: nil, kind: .range, range: ("60000", "80000"))])
        check("三四十万", [Expect(text: "三四十万", value: nil, kind: .range, range: ("300000", "400000"), qualifier: .approx)])
        check("七八万", [Expect(text: "七八万", value: nil, kind: .range, range: ("70000", "80000"), qualifier: .approx)])
        check("由1800米延伸至2400米", [Expect(text: "1800", value: "1800", kind: .cardinal), Expect(text: "2400", value: "2400", kind: .cardinal)])
        // A one-digit lower end takes the upper end's unit, as it takes its magnitude.
        check("6到8千亩", [Expect(text: "6到8千", value: nil, kind: .range, range: ("6000", "8000"))])
        check("三到五百户", [Expect(text: "三到五百", value: nil, kind: .range, range: ("300", "500"))])
        check("五到十个", [Expect(text: "五到十", value: nil, kind: .range, range: ("5", "10"))])
        check("1到100个", [Expect(text: "1到100", value: nil, kind: .range, range: ("1", "100"))])
        // Ranges of percentage points: the lower end shares the upper end's unit.
        check("提高3至5个百分点", [Expect(text: "3至5个百分点", value: nil, kind: .range, range: ("3", "5"))])
        check("三至五个百分点", [Expect(text: "三至五个百分点", value: nil, kind: .range, range: ("3", "5"))])
        check("0.3至0.5个百分点", [Expect(text: "0.3至0.5个百分点", value: nil, kind: .range, range: ("0.3", "0.5"))])
        XCTAssertEqual(scan("3至5个百分点").first?.1.boundKind, .percentagePoint)
        // Ranges of tenths: the bare lower end counts tenths too, and two neighbouring
        // digits before 成 are an approximate range, never a two-digit number.
        check("增长2至3成", [Expect(text: "2至3成", value: nil, kind: .range, range: ("20", "30"))])
        check("二至三成", [Expect(text: "二至三成", value: nil, kind: .range, range: ("20", "30"))])
        check("7至8折", [Expect(text: "7至8折", value: nil, kind: .range, range: ("70", "80"))])
        check("3-5%", [Expect(text: "3-5%", value: nil, kind: .range, range: ("3", "5"))])
        check("增长两三成", [Expect(text: "两三成", value: nil, kind: .range, range: ("20", "30"), qualifier: .approx)])
        check("三四成", [Expect(text: "三四成", value: nil, kind: .range, range: ("30", "40"), qualifier: .approx)])
        XCTAssertEqual(scan("两三成").first?.1.boundKind, .percent)
        XCTAssertEqual(scan("2至3成").first?.1.boundKind, .percent)
    }

    func testQualifiers() {
        check("500多户", [Expect(text: "500多", value: "500", kind: .cardinal, qualifier: .gt)])
        check("三十余万株", [Expect(text: "三十余万", value: "300000", kind: .cardinal, qualifier: .gt)])
        check("十来个", [Expect(text: "十来", value: "10", kind: .cardinal, qualifier: .approx)])
        check("约3万", [Expect(text: "3万", value: "30000", kind: .cardinal, qualifier: .approx)])
        check("超8.65亿元", [Expect(text: "8.65亿", value: "865000000", kind: .cardinal, qualifier: .gt)])
        check("不低于5%", [Expect(text: "5%", value: "5", kind: .percent, qualifier: .ge)])
        check("30%以上", [Expect(text: "30%", value: "30", kind: .percent, qualifier: .ge)])
        check("3万左右", [Expect(text: "3万", value: "30000", kind: .cardinal, qualifier: .approx)])
        check("超万吨", [Expect(text: "万", value: "10000", kind: .cardinal, qualifier: .gt)])
        // A lone 百, 千 or 万 with 余 is more than that unit; with 多 it is left alone (百多年).
        check("百余家", [Expect(text: "百余", value: "100", kind: .cardinal, qualifier: .gt)])
        check("万余户", [Expect(text: "万余", value: "10000", kind: .cardinal, qualifier: .gt)])
        check("百多年", [])
        check("突破千亿元", [Expect(text: "千亿", value: "100000000000", kind: .cardinal, qualifier: .gt)])
        check("二十年来", [Expect(text: "二十", value: "20", kind: .cardinal)])
        // The last character of a word is no qualifier: 签约 is not 约, 最近 not 近.
        check("新签约3亿元以上项目", [Expect(text: "3亿", value: "300000000", kind: .cardinal)])
        check("最近3年", [Expect(text: "3", value: "3", kind: .cardinal)])
        check("将近3年", [Expect(text: "3", value: "3", kind: .cardinal, qualifier: .approx)])
        // Comparison words of technical prose; the longest word wins (大于等于 over 大于).
        check("大于二十", [Expect(text: "二十", value: "20", kind: .cardinal, qualifier: .gt)])
        check("大于等于30", [Expect(text: "30", value: "30", kind: .cardinal, qualifier: .ge)])
        check("不大于50", [Expect(text: "50", value: "50", kind: .cardinal, qualifier: .le)])
        check("≥50", [Expect(text: "50", value: "50", kind: .cardinal, qualifier: .ge)])
    }

    func testYearsDatesOrdinals() {
        check("2022年", [Expect(text: "2022", value: "2022", kind: .year)])
        check("二〇二三年", [Expect(text: "二〇二三", value: "2023", kind: .year)])
        // 两 stands in no digit string: after a place ending in 陆 (平陆) it is its own count.
        check("平陆两县", [Expect(text: "陆", value: "6", kind: .cardinal), Expect(text: "两", value: "2", kind: .cardinal)])
        check("一二三", [Expect(text: "一二三", value: "123", kind: .cardinal)])
        check("1月6日", [Expect(text: "1", value: "1", kind: .date), Expect(text: "6", value: "6", kind: .date)])
        check("12月30日", [Expect(text: "12", value: "12", kind: .date), Expect(text: "30", value: "30", kind: .date)])
        check("5个月", [Expect(text: "5", value: "5", kind: .cardinal)])
        check("第二届", [Expect(text: "第二", value: "2", kind: .ordinal)])
        check("第3万", [Expect(text: "第3万", value: "30000", kind: .ordinal)])
        check("2021-2025年", [Expect(text: "2021-2025", value: nil, kind: .range, range: ("2021", "2025"))])
    }

    func testNoFalseNumeralsInWords() {
        for word in ["一体化", "统一", "一致", "进一步", "万众一心", "千方百计", "四川", "入伍", "收拾", "大陆",
                     "一切", "千家万户", "万", "万万", "百姓", "十分重要", "两岸", "零售", "陆续", "对折", "两两",
                     "人参种植", "参加会议", "海参养殖", "二人转"] {
            check(word, [])
        }
        check("十分钟", [Expect(text: "十", value: "10", kind: .cardinal)])
        // A city named with a numeral is no number, except where it counts the rivers
        // listed right before it.
        check("三河市", [])
        check("三江县", [])
        check("蒲河三河流域", [Expect(text: "三", value: "3", kind: .cardinal)])
        // 四平 is a city, but four before 平方米 or 平方公里 is an area's number.
        check("四平市", [])
        check("四平方公里", [Expect(text: "四", value: "4", kind: .cardinal)])
    }

    func testHugeNumeralIsExact() {
        let digits = String(repeating: "9", count: 400)
        check(digits + "元", [Expect(text: digits, value: digits, kind: .cardinal)])
        let chinese = String(repeating: "九", count: 400)
        check(chinese, [Expect(text: chinese, value: digits, kind: .cardinal)])
    }

    /// Found by fuzzing: a short power must not build an enormous number.
    func testHugePowersAreNotRead() {
        let start = Date()
        let found = scan("99999999999999999^999 2^10")
        XCTAssertEqual(found.map(\.0), ["99999999999999999", "999", "2^10"])
        XCTAssertEqual(found.last?.1.value?.description, "1024")
        let chain = scan("四" + String(repeating: "万", count: 20_000))
        XCTAssertEqual(chain.first?.0, "四万万万", "a chain of magnitude words stops after three")
        XCTAssertLessThan(Date().timeIntervalSince(start), 10, "linear, even in a debug build")
    }

    func testDozen() {
        check("十打", [Expect(text: "十打", value: "120", kind: .cardinal)])
        check("三打造", [Expect(text: "三", value: "3", kind: .cardinal)])
    }
}
