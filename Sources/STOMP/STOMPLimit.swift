/// One of the size limits a ``STOMPParser`` enforces, named in
/// ``STOMPProtocolError/limitExceeded(_:maximum:)``.
///
/// ```swift
/// if case .limitExceeded(.bodySize, let maximum) = error { log("body over \(maximum) bytes") }
/// ```
public enum STOMPLimit: String, Sendable, Hashable, CaseIterable {
    /// Bytes in the command line, EOL excluded (``STOMPLimits/maxCommandLineLength``).
    case commandLineLength = "command line length"
    /// Bytes in one header line, EOL excluded (``STOMPLimits/maxHeaderLineLength``).
    case headerLineLength = "header line length"
    /// Header lines in one frame (``STOMPLimits/maxHeaderCount``).
    case headerCount = "header count"
    /// Bytes in one body, declared or received (``STOMPLimits/maxBodySize``).
    case bodySize = "body size"
}
