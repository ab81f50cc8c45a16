import Foundation

/// Command-line document arguments: files as given, directories searched
/// recursively for *.txt (in sorted order, so runs are reproducible).
public enum DocumentPaths {
    public static func expand(_ arguments: [String]) -> [String] {
        arguments.flatMap { argument -> [String] in
            var isDirectory: ObjCBool = false
            guard argument != "-", FileManager.default.fileExists(atPath: argument, isDirectory: &isDirectory), isDirectory.boolValue else {
                return [argument]
            }
            let enumerator = FileManager.default.enumerator(atPath: argument)
            var found: [String] = []
            while let relative = enumerator?.nextObject() as? String {
                if relative.hasSuffix(".txt") { found.append((argument as NSString).appendingPathComponent(relative)) }
            }
            return found.sorted()
        }
    }
}
