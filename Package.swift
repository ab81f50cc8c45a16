// swift-tools-version:6.0
import Foundation
import PackageDescription

// TIQU_FUZZ=1 (set by Tests/Fuzz/run.sh) builds the engine's modules with libFuzzer's
// coverage instrumentation and AddressSanitizer, and TiquFuzz as a libFuzzer binary.
let fuzzing = ProcessInfo.processInfo.environment["TIQU_FUZZ"] != nil
let fuzzed: [SwiftSetting] = fuzzing ? [.unsafeFlags(["-sanitize=fuzzer,address"])] : []

// Module graph (each folder under Sources/ is one module):
//   ICUSystem -> CICU -> TiquICU ─┐
//   TiquText ─────────────────────┼-> Tiqu (engine) -> TiquCLI (`tiqu`)
//   TiquNumerals ─────────────────┘
// Only CICU includes ICU headers; only TiquICU imports CICU.
let package = Package(
    name: "Tiqu",
    products: [
        .library(name: "Tiqu", targets: ["Tiqu"]),
        .executable(name: "tiqu", targets: ["TiquCLI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/attaswift/BigInt", from: "6.0.1"),
    ],
    targets: [
        .systemLibrary(
            name: "ICUSystem",
            pkgConfig: "icu-i18n",
            providers: [.apt(["libicu-dev"])]
        ),
        .target(name: "CICU", dependencies: ["ICUSystem"]),
        .target(name: "TiquText", swiftSettings: fuzzed),
        .target(name: "TiquICU", dependencies: ["CICU", "TiquText"]),
        .target(name: "TiquNumerals", dependencies: ["TiquText", .product(name: "BigInt", package: "BigInt")], swiftSettings: fuzzed),
        .target(name: "TiquPattern", swiftSettings: fuzzed),
        .target(name: "TiquRules", dependencies: ["TiquText", "TiquICU", "TiquNumerals", "TiquPattern"], swiftSettings: fuzzed),
        .target(
            name: "Tiqu",
            dependencies: ["TiquText", "TiquICU", "TiquNumerals", "TiquPattern", "TiquRules"],
            swiftSettings: fuzzed,
            plugins: ["EmbedRulesPlugin"]
        ),
        // Fuzz harnesses: a replayer in normal builds, a libFuzzer target with Tests/Fuzz/run.sh.
        .executableTarget(
            name: "TiquFuzz", dependencies: ["Tiqu"],
            swiftSettings: fuzzed + (fuzzing ? [.define("FUZZING")] : []),
            linkerSettings: fuzzing ? [.unsafeFlags(["-sanitize=fuzzer,address"])] : []
        ),
        // Build-time embedding of Rules/ into the Tiqu library (see EmbedRulesPlugin).
        .executableTarget(name: "EmbedRules"),
        .plugin(name: "EmbedRulesPlugin", capability: .buildTool(), dependencies: ["EmbedRules"], path: "Sources/EmbedRulesPlugin"),
        .executableTarget(
            name: "TiquCLI",
            dependencies: ["Tiqu", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .target(name: "TiquTestSupport", path: "Tests/TiquTestSupport"),
        .testTarget(name: "TiquTextTests", dependencies: ["TiquText", "TiquTestSupport"]),
        .testTarget(name: "TiquICUTests", dependencies: ["TiquICU", "TiquNumerals", "TiquTestSupport"]),
        .testTarget(name: "TiquNumeralsTests", dependencies: ["TiquNumerals"]),
        .testTarget(name: "TiquPatternTests", dependencies: ["TiquPattern", "TiquTestSupport"]),
        .testTarget(name: "TiquRulesTests", dependencies: ["TiquRules"]),
        .testTarget(name: "TiquTests", dependencies: ["Tiqu"]),
        .testTarget(name: "TiquCLITests", dependencies: ["TiquCLI", "TiquFuzz"]),
    ]
)
