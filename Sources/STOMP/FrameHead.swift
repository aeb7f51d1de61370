import NIOCore

/// The command and headers of the frame a ``STOMPParser`` is reading.
struct FrameHead: Sendable {
    /// The frame's command.
    let command: STOMPCommand
    /// How this frame's header lines are unescaped.
    let escaping: HeaderEscaping
    /// The headers read so far, in wire order.
    private(set) var headers: STOMPHeaders = [:]
    /// The body length from the first `content-length` header, once read.
    private(set) var contentLength: Int?

    /// Starts a frame from its command line.
    ///
    /// - Parameters:
    ///   - commandLine: The line's bytes without EOL.
    ///   - version: The connection's version, which decides how headers are unescaped.
    /// - Throws: ``STOMPProtocolError/unknownCommand(_:)`` when the line is not a command.
    init(commandLine: ByteBuffer, version: STOMPVersion) throws(STOMPProtocolError) {
        let name = String(decoding: commandLine.readableBytesView, as: UTF8.self)
        guard let command = STOMPCommand(rawValue: name) else {
            throw .unknownCommand(name)
        }
        self.command = command
        self.escaping = HeaderEscaping(version: version, command: command)
    }

    /// Adds one header line (`name:value`) to the frame.
    ///
    /// The first `:` separates the name from the value. The first `content-length` header
    /// sets the body length; later ones are kept but ignored.
    ///
    /// - Parameters:
    ///   - line: The line's bytes without EOL.
    ///   - limits: The limits for header count and body size.
    /// - Throws: A ``STOMPProtocolError`` for a malformed line, a bad escape or length, or a
    ///   passed limit.
    mutating func add(headerLine line: ByteBuffer, limits: STOMPLimits) throws(STOMPProtocolError) {
        guard self.headers.count < limits.maxHeaderCount else {
            throw .limitExceeded(.headerCount, maximum: limits.maxHeaderCount)
        }
        let escaping = self.escaping
        let (name, value) = try line.withUnsafeReadableBytes { bytes throws(STOMPProtocolError) in
            guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")), colon > 0 else {
                throw .malformedHeader(String(decoding: bytes, as: UTF8.self))
            }
            return (
                try escaping.decode(UnsafeRawBufferPointer(rebasing: bytes[..<colon])),
                try escaping.decode(UnsafeRawBufferPointer(rebasing: bytes[(colon + 1)...]))
            )
        }
        if name == "content-length", self.contentLength == nil {
            self.contentLength = try Self.contentLength(value, limits: limits)
        }
        self.headers.add(name: name, value: value)
    }

    /// The frame with its body.
    ///
    /// - Parameters:
    ///   - body: The body bytes.
    func frame(body: ByteBuffer) -> STOMPFrame {
        STOMPFrame(self.command, headers: self.headers, body: body)
    }

    private static func contentLength(_ value: String, limits: STOMPLimits) throws(STOMPProtocolError) -> Int {
        guard let length = Int(nonNegativeDecimal: value[...]) else {
            throw .invalidContentLength(value)
        }
        guard length <= limits.maxBodySize else {
            throw .limitExceeded(.bodySize, maximum: limits.maxBodySize)
        }
        return length
    }
}
