import CICU

/// An ICU failure with ICU's own name for it (e.g. U_ILLEGAL_ARGUMENT_ERROR).
public struct ICUError: Error, Sendable, CustomStringConvertible {
    public let code: Int32
    public let name: String
    /// What Tiqu was asking ICU to do.
    public let operation: String

    public var description: String { "ICU \(operation) failed: \(name) (\(code))" }

    /// The one place that turns an ICU status into a Swift error. Negative
    /// codes are warnings (such as U_USING_DEFAULT_WARNING) and pass.
    static func check(_ status: Int32, _ operation: String) throws(ICUError) {
        guard status > 0 else { return }
        throw ICUError(code: status, name: String(cString: cicu_error_name(status)), operation: operation)
    }
}

public enum ICU {
    /// The version of the libicu Tiqu is linked against, e.g. "72.1".
    public static var version: String {
        var buffer = [CChar](repeating: 0, count: 32)
        cicu_version(&buffer, 32)
        let bytes = buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
        return String(decoding: bytes, as: UTF8.self)
    }
}
