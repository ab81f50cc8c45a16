import TiquPattern

/// Compiles rule declarations one by one, sharing one predicate table, and
/// checks everything a rule refers to: captures in spans and outputs, the
/// attributes read from captures, and unique ids.
struct RuleBuilder {
    let lexicons: [Lexicon]
    private(set) var rules: [CompiledRule] = []
    private(set) var problems: [Diagnostic] = []
    private(set) var predicates = PredicateTable()
    private(set) var usesTokens = false
    private(set) var usesSentences = false
    private var idLocations: [String: SourceLocation] = [:]
    /// Attributes that entities of each type carry (their rules' output keys),
    /// so later phases may test them: @QUANTITY(unit=元).
    private let entityAttributes: [String: Set<String>]

    init(lexicons: [Lexicon], files: [String: RuleFile]) {
        self.lexicons = lexicons
        var attributes: [String: Set<String>] = [:]
        for rule in files.values.flatMap(\.rules) {
            attributes[rule.type ?? "", default: LayerAttributes.entity].formUnion(rule.outputs.map(\.key))
        }
        entityAttributes = attributes
    }

    mutating func add(_ declaration: RuleDeclaration, scope: Scope) {
        let before = problems.count
        if let previous = idLocations[declaration.id] {
            problems.append(Diagnostic(declaration.location, "duplicate rule id '\(declaration.id)' (also at \(previous))"))
        }
        idLocations[declaration.id] = declaration.location
        guard let type = declaration.type else {
            return problems.append(Diagnostic(declaration.location, "rule \(declaration.id) has no type", expected: "a 'type QUANTITY' (or other type) clause"))
        }
        guard let written = declaration.pattern else {
            return problems.append(Diagnostic(declaration.location, "rule \(declaration.id) has no pattern", expected: "a 'pattern ...' clause"))
        }
        let allEntityAttributes = entityAttributes.values.reduce(LayerAttributes.entity) { $0.union($1) }
        var compiler = PatternCompiler(scope: scope, lexicons: lexicons, entityAttributes: allEntityAttributes, predicates: predicates)
        let pattern = compiler.compile(written)
        predicates = compiler.predicates
        problems += compiler.diagnostics
        usesTokens = usesTokens || compiler.usesTokens
        usesSentences = usesSentences || compiler.usesSentences
        let names = compiler.captureNames
        let span = spanCaptures(declaration, names: names)
        for output in declaration.outputs {
            check(output.expression, names: names, bindings: compiler.captureBindings, compiler: compiler)
        }
        guard problems.count == before else { return }
        rules.append(CompiledRule(id: declaration.id, location: declaration.location, type: type, priority: declaration.priority,
                                  phase: declaration.phase, veto: declaration.veto, pattern: pattern, definitions: compiler.expansions, captureNames: names,
                                  captureBindings: compiler.captureBindings, spanFrom: span.0, spanTo: span.1,
                                  outputs: declaration.outputs, examples: declaration.examples, counters: declaration.counters))
    }

    private mutating func spanCaptures(_ declaration: RuleDeclaration, names: [String]) -> (Int?, Int?) {
        guard let (from, to) = declaration.spanCaptures else { return (nil, nil) }
        let indices = [from, to].map { names.firstIndex(of: $0) }
        for (name, index) in zip([from, to], indices) where index == nil {
            problems.append(Diagnostic(declaration.location, "span names '\(name)', which is not a capture of rule \(declaration.id)",
                                       expected: "one of: " + names.joined(separator: ", ")))
        }
        return (indices[0], indices[1])
    }

    private mutating func check(_ expression: OutputExpression, names: [String], bindings: [[Int]], compiler: PatternCompiler) {
        switch expression {
        case .text, .number: return
        case .product(let a, let b), .sum(let a, let b):
            check(a, names: names, bindings: bindings, compiler: compiler)
            check(b, names: names, bindings: bindings, compiler: compiler)
        case .fallback(let options):
            for option in options { check(option, names: names, bindings: bindings, compiler: compiler) }
        case let .capture(name, attribute, location):
            guard let index = names.firstIndex(of: name) else {
                return problems.append(Diagnostic(location, "'\(name)' is not a capture of this rule",
                                                  expected: names.isEmpty ? "a (?<name> ...) capture in the pattern" : "one of: " + names.joined(separator: ", ")))
            }
            guard let attribute, attribute != "text" else { return }
            guard !bindings[index].isEmpty else {
                return problems.append(Diagnostic(location, "capture '\(name)' is not an @edge element, so it has only .text",
                                                  expected: "\(name).text, or capture one @number / @lex / @token / @TYPE element (or an alternation of them)"))
            }
            let known = bindings[index].reduce(into: Set<String>()) { $0.formUnion(compiler.knownAttributes(predicates.predicates[$1].layer)) }
            if !known.contains(attribute) {
                problems.append(Diagnostic(location, "capture '\(name)' has no attribute '\(attribute)'",
                                           expected: "one of: " + known.sorted().joined(separator: ", ")))
            }
        }
    }
}
