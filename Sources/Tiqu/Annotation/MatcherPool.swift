import Synchronization
import TiquPattern

/// Matchers kept from one document to the next.
///
/// WHY: a matcher's buffers are sized by its program (per instruction, per rule, per
/// lookaround) and its anchor tables are copied in when it is made; making four of
/// them for every document cost about 0.4 ms, a tenth of the time of annotating a
/// short report. A matcher leaves no state behind between documents
/// (`PatternMatcher.matches(in:)`), so one may serve any number of them, one at a
/// time. The pool hands each thread its own and takes it back afterwards; it holds
/// at most as many per program as ever ran at once.
final class MatcherPool: Sendable {
    /// A matcher that is not in use, or in use by exactly one thread (which took it
    /// out of the pool under the lock): never shared, hence unchecked.
    private final class Box: @unchecked Sendable {
        var matcher: PatternMatcher

        init(_ program: RuleSetProgram) {
            matcher = PatternMatcher(program: program)
        }
    }

    private let idle = Mutex<[ObjectIdentifier: [Box]]>([:])

    /// Runs `body` with a matcher for `program` that no other thread is using.
    func withMatcher<R>(for program: RuleSetProgram, _ body: (inout PatternMatcher) -> R) -> R {
        let key = ObjectIdentifier(program)
        let box = idle.withLock { $0[key]?.popLast() } ?? Box(program)
        defer { idle.withLock { $0[key, default: []].append(box) } }
        return body(&box.matcher)
    }
}
