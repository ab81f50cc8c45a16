@_exported import TiquText
@_exported import TiquNumerals

/// The engine's entry points live in this module; the CLI only calls them.
public enum Tiqu {
    public static let version = "0.1.0"
}
