import NIOCore

/// One STOMP frame: a command, ordered headers and a body.
///
/// Header names and values are held unescaped; escaping is a wire concern handled by
/// ``STOMPParser`` and ``encode(version:into:)``. The body is a `ByteBuffer` so a parsed
/// body is a zero-copy slice of the input and an encoded one is written without copying
/// through a Swift array.
///
/// ```swift
/// let frame = STOMPFrame(
///     .send,
///     headers: ["destination": "/topic/chat.lobby", "content-type": "application/json"],
///     body: ByteBuffer(string: #"{"text":"hi"}"#)
/// )
/// ```
public struct STOMPFrame: Sendable, Equatable {
    /// The frame's command.
    public var command: STOMPCommand
    /// The frame's headers in wire order, unescaped.
    public var headers: STOMPHeaders
    /// The frame's body; empty when the frame has none.
    public var body: ByteBuffer

    /// Creates a frame.
    ///
    /// - Parameters:
    ///   - command: The frame's command.
    ///   - headers: The headers in wire order, unescaped.
    ///   - body: The body; empty by default.
    public init(_ command: STOMPCommand, headers: STOMPHeaders = [:], body: ByteBuffer = ByteBuffer()) {
        self.command = command
        self.headers = headers
        self.body = body
    }
}
