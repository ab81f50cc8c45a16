import Foundation
import PackagePlugin

/// Embeds the package's Rules/ directory into the Tiqu library at build time,
/// so the `tiqu` binary annotates with its default rules from any working
/// directory. Rebuilds whenever a file under Rules/ changes.
@main
struct EmbedRulesPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let rules = context.package.directoryURL.appendingPathComponent("Rules")
        let output = context.pluginWorkDirectoryURL.appendingPathComponent("EmbeddedRules.swift")
        var inputs: [URL] = []
        let enumerator = FileManager.default.enumerator(at: rules, includingPropertiesForKeys: nil)
        while let url = enumerator?.nextObject() as? URL {
            if ["tiqu", "txt"].contains(url.pathExtension) { inputs.append(url) }
        }
        return [.buildCommand(displayName: "Embedding the default rules", executable: try context.tool(named: "EmbedRules").url,
                              arguments: [rules.path, output.path], inputFiles: inputs, outputFiles: [output])]
    }
}
