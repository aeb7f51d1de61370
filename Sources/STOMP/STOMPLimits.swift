/// The size limits a ``STOMPParser`` enforces, so its memory stays bounded whatever it is fed.
///
/// A frame in progress holds at most the parsed headers (`maxHeaderCount` lines of at most
/// `maxHeaderLineLength` bytes) plus one line or body in the input buffer (at most
/// `max(maxCommandLineLength, maxHeaderLineLength) + 2` or `maxBodySize + 1` bytes), besides
/// whatever follows it in the chunk being parsed. Input that would pass a limit fails as soon
/// as the limit is passed, not when the line or body ends.
///
/// ```swift
/// var parser = STOMPParser(limits: STOMPLimits(maxBodySize: 64 * 1024))
/// ```
public struct STOMPLimits: Sendable, Hashable {
    /// The most bytes a body may have, whether announced by `content-length` or ended by NUL.
    public var maxBodySize: Int
    /// The most header lines a frame may have.
    public var maxHeaderCount: Int
    /// The most bytes one header line may have, EOL excluded.
    public var maxHeaderLineLength: Int
    /// The most bytes a command line may have, EOL excluded. Any line longer than the
    /// longest command (`UNSUBSCRIBE`) is already an unknown command; this bounds how much
    /// of it is buffered before the parser says so.
    public var maxCommandLineLength: Int

    /// Creates limits; every default suits a public-facing server.
    ///
    /// - Parameters:
    ///   - maxBodySize: The most bytes a body may have; 1 MiB by default.
    ///   - maxHeaderCount: The most header lines a frame may have; 64 by default.
    ///   - maxHeaderLineLength: The most bytes in one header line; 8 KiB by default.
    ///   - maxCommandLineLength: The most bytes in a command line; 64 by default.
    public init(
        maxBodySize: Int = 1_048_576,
        maxHeaderCount: Int = 64,
        maxHeaderLineLength: Int = 8_192,
        maxCommandLineLength: Int = 64
    ) {
        self.maxBodySize = maxBodySize
        self.maxHeaderCount = maxHeaderCount
        self.maxHeaderLineLength = maxHeaderLineLength
        self.maxCommandLineLength = maxCommandLineLength
    }

    /// The most input bytes a parser holds once ``STOMPParser/next()`` returned `nil`: one
    /// line with its EOL, or one body with its NUL.
    ///
    /// ```swift
    /// STOMPLimits().maxBufferedByteCount // 1_048_577
    /// ```
    public var maxBufferedByteCount: Int {
        max(max(self.maxCommandLineLength, self.maxHeaderLineLength) + 2, self.maxBodySize + 1)
    }

    /// The configured maximum for one limit.
    ///
    /// ```swift
    /// STOMPLimits().maximum(for: .headerCount) // 64
    /// ```
    ///
    /// - Parameters:
    ///   - limit: The limit to look up.
    public func maximum(for limit: STOMPLimit) -> Int {
        switch limit {
        case .commandLineLength: self.maxCommandLineLength
        case .headerLineLength: self.maxHeaderLineLength
        case .headerCount: self.maxHeaderCount
        case .bodySize: self.maxBodySize
        }
    }
}
