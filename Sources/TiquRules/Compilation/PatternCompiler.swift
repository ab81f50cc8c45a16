import TiquICU
import TiquPattern

/// What a rule file can see by name: its own definitions and lexicons and
/// those of the files it imports (transitively).
struct Scope {
    var definitions: [String: (pattern: PatternNode, location: SourceLocation)] = [:]
    var lexicons: [String: Int] = [:]
}

/// Turns one rule's written pattern into the matcher's `Pattern`: expands
/// definitions (refusing cycles), resolves \p{...} through ICU, gives edge
/// elements predicate ids, and numbers the named captures.
struct PatternCompiler {
    let scope: Scope
    let lexicons: [Lexicon]
    let entityAttributes: Set<String>
    var predicates: PredicateTable
    private(set) var captureNames: [String] = []
    /// For each capture, the predicates its body may consume when it is one
    /// edge element or an alternation of them (its attributes can then be read
    /// in outputs); empty otherwise.
    private(set) var captureBindings: [[Int]] = []
    /// Each definition this rule expanded, with what it expanded to, innermost first:
    /// `tiqu explain` names a part of the pattern by the definition it came from.
    private(set) var expansions: [DefinitionExpansion] = []
    private(set) var diagnostics: [Diagnostic] = []
    private var expanding: [String] = []
    private(set) var usesTokens = false
    private(set) var usesSentences = false

    init(scope: Scope, lexicons: [Lexicon], entityAttributes: Set<String>, predicates: PredicateTable) {
        self.scope = scope
        self.lexicons = lexicons
        self.entityAttributes = entityAttributes
        self.predicates = predicates
    }

    mutating func compile(_ node: PatternNode) -> Pattern {
        switch node {
        case .literal(let text, _): return .literal(text)
        case .charClass(let spec, let location): return .scalars(scalarSet(spec, location))
        case .anyCharacter: return .anyScalar
        case .edge(let spec): return edge(spec).map(Pattern.edge) ?? .alternation([])  // a never-matching stand-in after an error
        case .reference(let name, let location): return reference(name, location)
        case .sequence(let items): return .sequence(items.map { compile($0) })
        case .alternation(let branches): return .alternation(branches.map { compile($0) })
        case let .repetition(inner, min, max, greedy, _): return .repetition(compile(inner), min: min, max: max, greedy: greedy)
        case let .capture(name, inner, location): return capture(name, inner, location)
        case let .negated(inner, location): return negate(compile(inner), location)
        case let .look(ahead, negated, inner, _): return .look(ahead ? .ahead : .behind, negated: negated, compile(inner))
        case let .anchor(sentenceStart, _):
            usesSentences = true
            return .assertion(sentenceStart ? .sentenceStart : .sentenceEnd)
        }
    }

    private mutating func reference(_ name: String, _ location: SourceLocation) -> Pattern {
        guard let definition = scope.definitions[name] else {
            let known = scope.definitions.keys.sorted()
            diagnostics.append(Diagnostic(location, "unknown name '\(name)'",
                                          expected: known.isEmpty ? "a define'd name (none is visible here; import the file that defines it)"
                                              : "one of: " + known.prefix(20).joined(separator: ", ")))
            return .alternation([])
        }
        if let cycleStart = expanding.firstIndex(of: name) {
            let cycle = (expanding[cycleStart...] + [name]).joined(separator: " -> ")
            diagnostics.append(Diagnostic(location, "definition '\(name)' refers to itself: \(cycle)"))
            return .alternation([])
        }
        expanding.append(name)
        defer { expanding.removeLast() }
        let expansion = compile(definition.pattern)
        expansions.append(DefinitionExpansion(name: name, pattern: expansion))
        return expansion
    }

    private mutating func capture(_ name: String, _ inner: PatternNode, _ location: SourceLocation) -> Pattern {
        if captureNames.contains(name) {
            diagnostics.append(Diagnostic(location, "capture '\(name)' is named twice in this rule"))
        }
        let index = captureNames.count
        captureNames.append(name)
        captureBindings.append([])
        let body = compile(inner)
        captureBindings[index] = PatternCompiler.edgePredicates(of: body) ?? []
        return .capture(index, body)
    }

    /// The predicates of a pattern that consumes exactly one edge: an edge, an
    /// alternation of such patterns, or one of them with lookarounds around it.
    static func edgePredicates(of pattern: Pattern) -> [Int]? {
        switch pattern {
        case .edge(let predicate): return [predicate]
        case .sequence(let parts):
            let consuming = parts.filter {
                switch $0 { case .look, .assertion, .empty: false; default: true }
            }
            return consuming.count == 1 ? edgePredicates(of: consuming[0]) : nil
        case .alternation(let branches):
            var all: [Int] = []
            for branch in branches {
                guard let predicates = edgePredicates(of: branch) else { return nil }
                all += predicates
            }
            return all.isEmpty ? nil : all
        default: return nil
        }
    }

    private mutating func negate(_ pattern: Pattern, _ location: SourceLocation) -> Pattern {
        switch pattern {
        case .scalars(let set): return .scalars(set.inverted)
        case .edge(let predicate): return .notEdge(predicate)
        default:
            diagnostics.append(Diagnostic(location, "only one character, a [class] or an @edge can be negated with !",
                                          expected: "!\"字\", ![...] or !@lex(NAME)"))
            return .alternation([])
        }
    }

    private mutating func scalarSet(_ spec: ClassSpec, _ location: SourceLocation) -> ScalarSet {
        var set = ScalarSet(ranges: spec.ranges)
        for property in spec.properties {
            do {
                set = set.union(ScalarSet(ranges: try UnicodeSets.ranges(of: property)))
            } catch {
                diagnostics.append(Diagnostic(location, "unknown Unicode property \(property) (\(error.name))",
                                              expected: "an ICU property such as \\p{Han}, \\p{Nd}, \\p{Script=Han}"))
            }
        }
        return spec.negated ? set.inverted : set
    }

    // MARK: edges

    private mutating func edge(_ spec: EdgeSpec) -> Int? {
        guard let layer = layer(of: spec) else { return nil }
        var conditions: [Condition] = []
        let known = knownAttributes(layer)
        for constraint in spec.constraints {
            guard known.contains(constraint.key) else {
                diagnostics.append(Diagnostic(constraint.location, "\(layer) has no attribute '\(constraint.key)'",
                                              expected: "one of: " + known.sorted().joined(separator: ", ")))
                continue
            }
            if case .oneOf(let values) = constraint.test, let allowed = LayerAttributes.allowedValues(layer: layer, key: constraint.key),
               let bad = values.subtracting(allowed).sorted().first {
                diagnostics.append(Diagnostic(constraint.location, "'\(bad)' is not a value of \(constraint.key)",
                                              expected: "one of: " + allowed.sorted().joined(separator: ", ")))
            }
            conditions.append(Condition(key: constraint.key, test: constraint.test))
        }
        if layer == .token { usesTokens = true }
        return predicates.id(for: EdgePredicate(layer: layer, conditions: conditions))
    }

    private mutating func layer(of spec: EdgeSpec) -> EdgeLayer? {
        switch spec.layer {
        case "number": return .number
        case "token": return .token
        case "lex":
            guard spec.names.count == 1, let name = spec.names.first else {
                diagnostics.append(Diagnostic(spec.location, "@lex needs exactly one lexicon name",
                                              expected: "@lex(NAME) or @lex(NAME, key=value)"))
                return nil
            }
            guard let index = scope.lexicons[name] else {
                diagnostics.append(Diagnostic(spec.location, "unknown lexicon '\(name)'",
                                              expected: "a lexicon declared in this file or an imported one: "
                                                  + scope.lexicons.keys.sorted().joined(separator: ", ")))
                return nil
            }
            return .lexicon(index)
        case "echo":
            return echoLayer(spec)
        default:
            guard spec.layer == spec.layer.uppercased(), spec.layer.first?.isLetter == true else {
                diagnostics.append(Diagnostic(spec.location, "unknown layer @\(spec.layer)",
                                              expected: "@number, @token, @lex(NAME) or an entity type such as @PLACE"))
                return nil
            }
            return .entity(spec.layer)
        }
    }

    /// @echo(TYPE) or @echo(TYPE, LEXICON).
    private mutating func echoLayer(_ spec: EdgeSpec) -> EdgeLayer? {
        guard let type = spec.names.first, type == type.uppercased(), type.first?.isLetter == true else {
            diagnostics.append(Diagnostic(spec.location, "@echo needs an entity type",
                                          expected: "@echo(PLACE) or @echo(PLACE, LEXICON_OF_SUFFIXES)"))
            return nil
        }
        guard spec.names.count == 2 else { return .echo(type: type, strip: nil) }
        guard let index = scope.lexicons[spec.names[1]] else {
            diagnostics.append(Diagnostic(spec.location, "unknown lexicon '\(spec.names[1])'",
                                          expected: "a lexicon declared in this file or an imported one: "
                                              + scope.lexicons.keys.sorted().joined(separator: ", ")))
            return nil
        }
        return .echo(type: type, strip: index)
    }

    func knownAttributes(_ layer: EdgeLayer) -> Set<String> {
        switch layer {
        case .number: LayerAttributes.number
        case .token: LayerAttributes.token
        case .lexicon(let index): lexicons[index].keys.union(["text"])
        case .entity: entityAttributes
        case .echo: ["text"]
        }
    }
}
