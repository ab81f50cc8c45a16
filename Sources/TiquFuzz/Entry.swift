import Foundation

/// With -DFUZZING and -sanitize=fuzzer this is a libFuzzer target (libFuzzer
/// supplies main); TIQU_FUZZ_TARGET selects the harness. Built normally it is a
/// replayer: `TiquFuzz HARNESS FILE...` runs saved inputs (crash reproducers,
/// the seed corpus) through the harness, which is how fixed crashes stay fixed.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let name = ProcessInfo.processInfo.environment["TIQU_FUZZ_TARGET"] ?? "numerals"
    guard let harness = Harness(rawValue: name) else { fatalError("TIQU_FUZZ_TARGET must be one of \(Harness.allCases)") }
    harness.run(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}

#if FUZZING
/// libFuzzer's driver, for programs that have their own main.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<CInt>,
                         _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                         _ test: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt) -> CInt

/// SwiftPM links an executable's main to MODULE_main; under fuzzing it starts libFuzzer.
@_cdecl("TiquFuzz_main")
func tiquFuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    var count = argc
    var vector: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = argv
    return LLVMFuzzerRunDriver(&count, &vector, fuzzOne)
}
#else
@main
struct Replay {
    static func main() throws {
        let arguments = CommandLine.arguments.dropFirst()
        guard let name = arguments.first, let harness = Harness(rawValue: name) else {
            print("usage: TiquFuzz \(Harness.allCases.map(\.rawValue).joined(separator: "|")) FILE_OR_DIR...")
            exit(2)
        }
        var count = 0
        for path in arguments.dropFirst() {
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            let files = isDirectory.boolValue
                ? try FileManager.default.contentsOfDirectory(atPath: path).sorted().map { path + "/" + $0 } : [path]
            for file in files {
                harness.run([UInt8](try Data(contentsOf: URL(fileURLWithPath: file))))
                count += 1
            }
        }
        print("\(name): \(count) inputs replayed, all invariants held")
    }
}
#endif
