import NIOCore

/// One whole STOMP frame (or heart-beat EOL) for the client: a broker delivery's
/// per-subscriber head and shared tail, or bytes the session encoded.
struct OutboundFrame: Sendable {
    /// The first bytes.
    let head: ByteBuffer
    /// The rest, when the frame comes in two parts.
    let tail: ByteBuffer?

    /// The frame's size in bytes.
    var byteCount: Int {
        self.head.readableBytes + (self.tail?.readableBytes ?? 0)
    }
}
