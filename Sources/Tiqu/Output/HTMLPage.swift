import Foundation
import TiquRules
import TiquText

/// A self-contained HTML page for one annotated document: the text with
/// entities highlighted by type (nested ones inside their parents, in the
/// manner of displaCy), a legend, each entity's value, unit, qualifier, rule,
/// source line and captures on hover and on click, and below the text a table
/// of every figure that copies cleanly into a spreadsheet.
public struct HTMLPage {
    public static let colours = ["QUANTITY": "#ffd98a", "PERCENT": "#b9e6a7", "PLACE": "#a9d2ff", "PROJECT": "#f3b4d8", "NUMBER": "#e2d4f5"]

    let document: Document
    let title: String
    let entities: [Entity]
    let ruleSet: RuleSet

    public init(document: Document, title: String, entities: [Entity], ruleSet: RuleSet) {
        self.document = document
        self.title = title
        self.entities = entities.sorted { ($0.start, -$0.end) < ($1.start, -$1.end) }
        self.ruleSet = ruleSet
    }

    public func render() -> String {
        """
        <!DOCTYPE html>
        <html lang="zh"><head><meta charset="utf-8"><title>\(escape(title))</title>
        <style>\(HTMLPage.style)</style></head>
        <body><h1>\(escape(title))</h1>
        \(legend())
        <div id="panel" class="panel">Click a highlighted entity for its details.</div>
        <div class="text">\(highlightedText())</div>
        <h2>Figures</h2>
        \(figureTable())
        <script>\(HTMLPage.script)</script>
        </body></html>
        """
    }

    private func legend() -> String {
        let counts = Dictionary(grouping: entities, by: \.type).mapValues(\.count)
        let items = counts.keys.sorted().map { type in
            "<span class=\"legend-item\"><mark class=\"e\" style=\"background:\(HTMLPage.colours[type] ?? "#ddd")\">\(type)</mark> \(counts[type]!)</span>"
        }
        return "<div class=\"legend\">" + items.joined(separator: " ") + "</div>"
    }

    /// The text cut at every entity boundary; each piece is wrapped in the marks
    /// of the entities covering it, outermost first. An entity's label is shown
    /// on its first piece.
    private func highlightedText() -> String {
        var cuts = Set([0, document.count])
        for entity in entities { cuts.insert(entity.start); cuts.insert(entity.end) }
        let points = cuts.sorted()
        var html = ""
        var active: [Int] = []  // indices of entities covering the current piece, outermost first
        var next = 0
        for (from, to) in zip(points, points.dropFirst()) {
            active.removeAll { entities[$0].end <= from }
            while next < entities.count, entities[next].start == from { active.append(next); next += 1 }
            var piece = escape(document.slice(from, to)).replacingOccurrences(of: "\n", with: "<br>")
            for index in active.reversed() {
                let entity = entities[index]
                let label = entity.start == from ? "<span class=\"label\">\(entity.type)</span>" : ""
                piece = "<mark class=\"e\" data-id=\"\(index)\" style=\"background:\(HTMLPage.colours[entity.type] ?? "#ddd")\" title=\"\(escape(details(entity, separator: "\n")))\">\(piece)\(label)</mark>"
            }
            html += piece
        }
        return html + "<script id=\"entities\" type=\"application/json\">" + escapeScript(entitiesJSON()) + "</script>"
    }

    private func details(_ entity: Entity, separator: String) -> String {
        let (rule, source) = entity.provenance(in: ruleSet)
        var lines = ["\(entity.type) \(document.slice(entity.start, entity.end)) [\(entity.start), \(entity.end))"]
        for (key, value) in entity.amountAttributes { lines.append("\(key): \(value.isEmpty ? "\"\"" : value)") }
        lines.append("rule: \(rule) (\(source))")
        for capture in entity.captures {
            lines.append("\(capture.name): \(document.slice(capture.start, capture.end)) [\(capture.start), \(capture.end))")
        }
        return lines.joined(separator: separator)
    }

    private func entitiesJSON() -> String {
        JSONValue.array(entities.map { .string(details($0, separator: "\n")) }).serialized()
    }

    /// QUANTITY and PERCENT in text order with the words before them (the
    /// indicator), as plain cells.
    private func figureTable() -> String {
        var rows = "<tr><th>indicator</th><th>figure</th><th>value</th><th>min</th><th>max</th><th>unit</th><th>qualifier</th><th>type</th><th>start</th><th>end</th><th>rule</th></tr>\n"
        for entity in entities where entity.type == "QUANTITY" || entity.type == "PERCENT" {
            let cells = [indicator(before: entity.start), document.slice(entity.start, entity.end), entity.attribute("value") ?? "",
                         entity.attribute("min") ?? "", entity.attribute("max") ?? "", entity.unit ?? "", entity.qualifier ?? "",
                         entity.type, String(entity.start), String(entity.end), entity.provenance(in: ruleSet).id]
            rows += "<tr>" + cells.map { "<td>\(escape($0))</td>" }.joined() + "</tr>\n"
        }
        return "<table class=\"figures\">\n" + rows + "</table>"
    }

    /// Up to 16 characters before `start`, back to the start of the clause.
    private func indicator(before start: Int) -> String {
        var from = start
        let stops: Set<UInt32> = Set("，。；：、\n！？（）“”".unicodeScalars.map(\.value))
        while from > 0, start - from < 16, !stops.contains(document.codePoints[from - 1]) { from -= 1 }
        return document.slice(from, start)
    }

    private func escape(_ text: String) -> String {
        var out = ""
        for c in text.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    private func escapeScript(_ json: String) -> String { json.replacingOccurrences(of: "</", with: "<\\/") }

    static let style = """
    body{font-family:"Noto Sans CJK SC","Source Han Sans SC",sans-serif;margin:2em;max-width:60em;line-height:2.4}
    h1{font-size:1.3em}.text{font-size:1.05em}
    mark.e{border-radius:.35em;padding:.15em .2em;margin:0 .05em;cursor:pointer;box-shadow:0 0 0 1px rgba(0,0,0,.15)}
    mark.e mark.e{padding:.05em .15em}
    .label{font-size:.55em;font-weight:bold;margin-left:.3em;vertical-align:middle;font-family:sans-serif;opacity:.75}
    .legend{margin-bottom:1em}.legend-item{margin-right:1em}
    .panel{position:sticky;top:0;background:#f7f7f7;border:1px solid #ccc;padding:.4em .8em;white-space:pre-line;line-height:1.5;font-size:.9em}
    table.figures{border-collapse:collapse;font-size:.9em;line-height:1.4}
    table.figures td,table.figures th{border:1px solid #ccc;padding:.2em .5em;text-align:left}
    """

    static let script = """
    const details=JSON.parse(document.getElementById('entities').textContent);
    document.querySelectorAll('mark.e[data-id]').forEach(m=>m.addEventListener('click',ev=>{
      ev.stopPropagation();document.getElementById('panel').textContent=details[+m.dataset.id];}));
    document.body.dataset.rendered=document.querySelectorAll('mark.e[data-id]').length;
    """
}

/// The index page for several documents: a row per document with counts per type.
public enum HTMLIndex {
    /// Entity counts per type, read back from a rendered page's labels.
    public static func counts(inPage html: String) -> [String: Int] {
        var counts: [String: Int] = [:]
        for type in HTMLPage.colours.keys {
            counts[type] = html.components(separatedBy: "<span class=\"label\">\(type)</span>").count - 1
        }
        return counts
    }

    public static func render(_ documents: [(name: String, counts: [String: Int])]) -> String {
        let types = ["QUANTITY", "PERCENT", "PLACE", "PROJECT"]
        var rows = "<tr><th>document</th>" + types.map { "<th>\($0)</th>" }.joined() + "</tr>\n"
        for (name, counts) in documents {
            rows += "<tr><td><a href=\"\(name).html\">\(name)</a></td>" + types.map { "<td>\(counts[$0] ?? 0)</td>" }.joined() + "</tr>\n"
        }
        return "<!DOCTYPE html><html lang=\"zh\"><head><meta charset=\"utf-8\"><title>Tiqu</title><style>"
            + "body{font-family:sans-serif;margin:2em}td,th{border:1px solid #ccc;padding:.2em .6em}table{border-collapse:collapse}"
            + "</style></head><body><h1>Tiqu annotations</h1><table>\n" + rows + "</table></body></html>"
    }
}
