import TiquPattern

/// Loads a rule set: parses every rule file, resolves imports and lexicons
/// within the rules directory, expands definitions, validates captures,
/// attributes and ids, and compiles each phase into one program. Every
/// problem is collected and reported together; nothing is left to match time.
public enum RuleSetLoader {
    public static func load(_ source: RuleSource, limits: CompileLimits = .default) throws(RuleErrors) -> RuleSet {
        var problems: [Diagnostic] = []
        var files: [String: RuleFile] = [:]
        for path in source.ruleFiles {
            let (file, diagnostics) = RuleFileParser.parse(path: path, contents: source.files[path]!)
            files[path] = file
            problems += diagnostics
        }
        var lexicons = LexiconTable()
        let scopes = buildScopes(files, source: source, lexicons: &lexicons, problems: &problems)
        var builder = RuleBuilder(lexicons: lexicons.lexicons, files: files)
        for path in source.ruleFiles {
            for declaration in files[path]!.rules {
                builder.add(declaration, scope: scopes[path] ?? Scope())
            }
        }
        problems += lexicons.problems + builder.problems
        let predicates = builder.predicates.predicates
        let phases = compilePhases(builder.rules, edgeLengths: edgeLengths(predicates, lexicons.lexicons),
                                   limits: limits, problems: &problems)
        guard problems.isEmpty else { throw RuleErrors(problems) }
        return RuleSet(source: source.name, rules: builder.rules, phases: phases, predicates: predicates,
                       lexicons: lexicons.lexicons, lexiconMatcher: LexiconMatcher(lexicons.lexicons),
                       entryPredicates: RuleSet.entryPredicates(lexicons.lexicons, predicates),
                       isCaptured: RuleSet.capturedFlags(builder.rules.flatMap { $0.captureBindings.flatMap { $0 } },
                                                         count: predicates.count),
                       usesTokens: builder.usesTokens, usesSentences: builder.usesSentences)
    }

    /// Each file sees its own names and those of everything it imports, transitively.
    private static func buildScopes(_ files: [String: RuleFile], source: RuleSource, lexicons: inout LexiconTable,
                                    problems: inout [Diagnostic]) -> [String: Scope] {
        var imports: [String: [String]] = [:]
        for (path, file) in files {
            var resolved: [String] = []
            for entry in file.imports {
                do throws(Diagnostic) {
                    resolved.append(try source.resolve(entry.path, at: entry.location, what: "import"))
                } catch {
                    problems.append(error)
                }
            }
            imports[path] = resolved
        }
        var scopes: [String: Scope] = [:]
        for path in files.keys.sorted() {
            var scope = Scope()
            var visited: Set<String> = []
            var stack = [path]
            while let next = stack.popLast() {
                guard visited.insert(next).inserted, let file = files[next] else { continue }
                for definition in file.definitions {
                    if let existing = scope.definitions[definition.name], existing.location != definition.location {
                        problems.append(Diagnostic(definition.location, "'\(definition.name)' is already defined at \(existing.location)"))
                    }
                    scope.definitions[definition.name] = (definition.pattern, definition.location)
                }
                for declaration in file.lexicons {
                    if let index = lexicons.load(declaration.path, at: declaration.location, name: declaration.name, source: source) {
                        scope.lexicons[declaration.name] = index
                    }
                }
                stack += imports[next] ?? []
            }
            scopes[path] = scope
        }
        return scopes
    }

    /// The longest edge each predicate can stand for, in code points: a lexicon's longest
    /// entry; nil for numerals, tokens and entities, whose length has no bound.
    private static func edgeLengths(_ predicates: [EdgePredicate], _ lexicons: [Lexicon]) -> [Int?] {
        // A closure, not a key path: key-path projection cost a twentieth of loading.
        let longest = lexicons.map { $0.entries.lazy.map { $0.text.unicodeScalars.count }.max() ?? 0 }
        return predicates.map { predicate in
            if case .lexicon(let index) = predicate.layer { longest[index] } else { nil }
        }
    }

    private static func compilePhases(_ rules: [CompiledRule], edgeLengths: [Int?], limits: CompileLimits,
                                      problems: inout [Diagnostic]) -> [Phase] {
        let numbers = Set(rules.map(\.phase)).sorted()
        var phases: [Phase] = []
        for number in numbers {
            let members = rules.indices.filter { rules[$0].phase == number }
            do throws(PatternCompileError) {
                let program = try RuleSetProgram.compile(members.map { rules[$0].pattern },
                                                         captureCounts: members.map { rules[$0].captureNames.count },
                                                         edgeLengths: edgeLengths, limits: limits)
                phases.append(Phase(number: number, rules: members, program: program))
            } catch {
                let rule = rules[members[error.ruleIndex ?? 0]]
                problems.append(Diagnostic(rule.location, "rule \(rule.id) cannot be compiled: \(error.explanation)"))
            }
        }
        return phases
    }
}

/// Lexicon files, each parsed once however many files declare it.
private struct LexiconTable {
    private(set) var lexicons: [Lexicon] = []
    private(set) var problems: [Diagnostic] = []
    private var indexOfPath: [String: Int] = [:]

    mutating func load(_ path: String, at location: SourceLocation, name: String, source: RuleSource) -> Int? {
        let resolved: String
        do { resolved = try source.resolve(path, at: location, what: "lexicon") } catch {
            problems.append(error)
            return nil
        }
        if let index = indexOfPath[resolved] { return index }
        let (lexicon, diagnostics) = Lexicon.parse(name: name, path: resolved, contents: source.files[resolved]!)
        problems += diagnostics
        lexicons.append(lexicon)
        indexOfPath[resolved] = lexicons.count - 1
        return lexicons.count - 1
    }
}

extension PatternCompileError {
    var ruleIndex: Int? {
        switch self {
        case .captureCountMismatch: nil
        case .tooManyInstructions(let rule, _), .repetitionTooLarge(let rule, _, _), .invalidRepetition(let rule, _, _),
             .unboundedLookaround(let rule), .lookaroundTooExpensive(let rule, _, _), .nestingTooDeep(let rule, _),
             .predicateOutOfRange(let rule, _), .captureIndexOutOfRange(let rule, _, _):
            rule
        }
    }

    var explanation: String {
        switch self {
        case .captureCountMismatch: "internal capture count mismatch"
        case .tooManyInstructions(_, let limit): "the compiled pattern would exceed \(limit) instructions (simplify it or lower the {m,n} counts)"
        case .repetitionTooLarge(_, let count, let limit): "a repetition count of \(count) exceeds the limit of \(limit)"
        case .invalidRepetition(_, let min, let max): "bad repetition {\(min),\(max.map(String.init) ?? "")}"
        case .unboundedLookaround: "a lookaround must be bounded: no * or + or {m,} inside (?= ...), (?! ...), (?<= ...), (?<! ...)"
        case .lookaroundTooExpensive(_, let cost, let limit): "a lookaround costs \(cost) steps, over the limit of \(limit)"
        case .nestingTooDeep(_, let limit): "the pattern nests deeper than \(limit)"
        case .predicateOutOfRange: "too many distinct edge elements"
        case .captureIndexOutOfRange: "internal capture numbering error"
        }
    }
}
