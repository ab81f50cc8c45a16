import Foundation
import XCTest

/// Runs the built `tiqu` binary as a user would, with stdin, and collects
/// its exit status, stdout and stderr.
struct TiquProcess {
    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
        var lines: [String] { stdout.split(separator: "\n", omittingEmptySubsequences: true).map(String.init) }
    }

    /// The products directory holds both the test bundle and `tiqu`.
    static var binary: URL { Bundle.main.bundleURL.appendingPathComponent("tiqu") }

    /// Standard streams go through files, so large inputs and outputs need no threads.
    static func run(_ arguments: [String], stdin: Data = Data()) throws -> Result {
        let directory = try scratch(["stdin": [UInt8](stdin)])
        let paths = ["stdin", "stdout", "stderr"].map { directory.appendingPathComponent($0) }
        for path in paths[1...] where !FileManager.default.createFile(atPath: path.path, contents: nil) {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path.path])
        }
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.standardInput = try FileHandle(forReadingFrom: paths[0])
        process.standardOutput = try FileHandle(forWritingTo: paths[1])
        process.standardError = try FileHandle(forWritingTo: paths[2])
        try process.run()
        process.waitUntilExit()
        defer { try? FileManager.default.removeItem(at: directory) }
        // Read through FileHandle: Data(contentsOf:) leaks its buffer on empty files here.
        let read = { (url: URL) throws -> String in
            String(decoding: try FileHandle(forReadingFrom: url).readToEnd() ?? Data(), as: UTF8.self)
        }
        return Result(status: process.terminationStatus, stdout: try read(paths[1]), stderr: try read(paths[2]))
    }

    /// A scratch directory with the given files (name -> bytes).
    static func scratch(_ files: [String: [UInt8]]) throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tiqu-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for (name, bytes) in files { try Data(bytes).write(to: directory.appendingPathComponent(name)) }
        return directory
    }
}

func json(_ line: String) -> [String: Any] {
    (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any] ?? [:]
}
