import TiquPattern
import TiquText

/// Loads a rule set: parses every rule file, resolves imports and lexicons
/// within the rules directory, expands definitions, validates captures,
/// attributes and ids, and compiles each phase into one program. Every
/// problem is collected and reported together; nothing is left to match time.
public enum RuleSetLoader {
    public static func load(_ source: RuleSource, limits: CompileLimits = .default) throws(RuleErrors) -> RuleSet {
        var problems: [Diagnostic] = []
        var files: [String: RuleFile] = [:]
        // Files, lexicons and phases are independent of each other, so each stage runs
        // on all cores; results are gathered in input order, so the rule set (and every
        // message) is the same whatever the thread timing.
        let parsed = OrderedParallelMap.map(source.ruleFiles, jobs: source.ruleFiles.count) { path in
            RuleFileParser.parse(path: path, contents: source.files[path]!)
        }
        for (path, (file, diagnostics)) in zip(source.ruleFiles, parsed) {
            files[path] = file
            problems += diagnostics
        }
        var lexicons = LexiconTable(parsing: declaredLexicons(files, source: source), source: source)
        let scopes = buildScopes(files, source: source, lexicons: &lexicons, problems: &problems)
        var builder = RuleBuilder(lexicons: lexicons.lexicons, files: files)
        for path in source.ruleFiles {
            for declaration in files[path]!.rules {
                builder.add(declaration, scope: scopes[path] ?? Scope())
            }
        }
        problems += lexicons.problems + builder.problems
        let predicates = builder.predicates.predicates
        let products = compile(builder.rules, predicates: predicates, lexicons: lexicons.lexicons, limits: limits)
        problems += products.problems
        guard problems.isEmpty else { throw RuleErrors(problems) }
        return RuleSet(source: source.name, rules: builder.rules, phases: products.phases, predicates: predicates,
                       lexicons: lexicons.lexicons, lexiconMatcher: products.lexiconMatcher,
                       entryPredicates: products.entryPredicates,
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

    /// What the loader builds from the validated rules, each part a separate task.
    private enum Product: Sendable {
        case phase(Int, Result<RuleSetProgram, PatternCompileError>)
        case lexiconMatcher(LexiconMatcher)
        case entryPredicates(EntryPredicates)
    }

    /// Compiles each phase into one program, builds the lexicons' automaton and each
    /// lexicon's entry predicates, all in parallel (the phases first: they take longest).
    private static func compile(_ rules: [CompiledRule], predicates: [EdgePredicate], lexicons: [Lexicon],
                                limits: CompileLimits)
        -> (phases: [Phase], lexiconMatcher: LexiconMatcher, entryPredicates: [EntryPredicates], problems: [Diagnostic]) {
        let lengths = edgeLengths(predicates, lexicons)
        let numbers = Set(rules.map(\.phase)).sorted()
        let members = numbers.map { number in rules.indices.filter { rules[$0].phase == number } }
        enum Task: Sendable { case phase(Int), lexiconMatcher, entryPredicates(Int) }
        let tasks = numbers.indices.map(Task.phase) + [.lexiconMatcher] + lexicons.indices.map(Task.entryPredicates)
        let products = OrderedParallelMap.map(tasks, jobs: tasks.count) { task -> Product in
            switch task {
            case .phase(let index):
                let phaseRules = members[index]
                return .phase(index, Result { () throws(PatternCompileError) in
                    try RuleSetProgram.compile(phaseRules.map { rules[$0].pattern },
                                               captureCounts: phaseRules.map { rules[$0].captureNames.count },
                                               edgeLengths: lengths, limits: limits)
                })
            case .lexiconMatcher:
                return .lexiconMatcher(LexiconMatcher(lexicons))
            case .entryPredicates(let index):
                return .entryPredicates(RuleSet.entryPredicates(of: index, lexicons[index], predicates))
            }
        }
        var phases: [Phase] = []
        var matcher: LexiconMatcher?
        var entryPredicates: [EntryPredicates] = []
        var problems: [Diagnostic] = []
        for product in products {
            switch product {
            case .phase(let index, .success(let program)):
                phases.append(Phase(number: numbers[index], rules: members[index], program: program))
            case .phase(let index, .failure(let error)):
                let rule = rules[members[index][error.ruleIndex ?? 0]]
                problems.append(Diagnostic(rule.location, "rule \(rule.id) cannot be compiled: \(error.explanation)"))
            case .lexiconMatcher(let built):
                matcher = built
            case .entryPredicates(let built):
                entryPredicates.append(built)
            }
        }
        return (phases, matcher!, entryPredicates, problems)
    }

    /// The resolved path of every lexicon some file declares, each once.
    private static func declaredLexicons(_ files: [String: RuleFile], source: RuleSource) -> [String] {
        var paths: [String] = []
        var seen: Set<String> = []
        for path in files.keys.sorted() {
            for declaration in files[path]!.lexicons {
                guard let resolved = try? source.resolve(declaration.path, at: declaration.location, what: "lexicon"),
                      seen.insert(resolved).inserted else { continue }
                paths.append(resolved)
            }
        }
        return paths
    }
}

/// Lexicon files, each parsed once however many files declare it.
private struct LexiconTable {
    private(set) var lexicons: [Lexicon] = []
    private(set) var problems: [Diagnostic] = []
    private var indexOfPath: [String: Int] = [:]
    /// The declared lexicons, parsed in parallel before the scopes are built.
    private let parsed: [String: (Lexicon, [Diagnostic])]

    init(parsing paths: [String], source: RuleSource) {
        let results = OrderedParallelMap.map(paths, jobs: paths.count) { path in
            Lexicon.parse(name: path, path: path, contents: source.files[path]!)
        }
        parsed = Dictionary(uniqueKeysWithValues: zip(paths, results))
    }

    mutating func load(_ path: String, at location: SourceLocation, name: String, source: RuleSource) -> Int? {
        let resolved: String
        do { resolved = try source.resolve(path, at: location, what: "lexicon") } catch {
            problems.append(error)
            return nil
        }
        if let index = indexOfPath[resolved] { return index }
        // Every path that resolves here was resolved, and parsed, by `declaredLexicons`.
        let (lexicon, diagnostics) = parsed[resolved]!
        problems += diagnostics
        lexicons.append(lexicon.named(name))
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
