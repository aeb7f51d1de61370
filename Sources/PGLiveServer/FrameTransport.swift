/// The byte transport under one STOMP connection: TCP or WebSocket. The connection
/// driver does everything else, the same way for both.
protocol FrameTransport: Sendable {
    /// The transport's value of the sessions' `transport` metrics label.
    static var name: String { get }

    /// Writes frames in order, flushing once at the end.
    ///
    /// - Parameters:
    ///   - frames: Whole frames.
    func write(_ frames: [OutboundFrame]) async throws

    /// Closes the connection after what was written, politely (a WebSocket close
    /// handshake).
    func close() async

    /// Closes the socket at once, whatever state the polite close is in.
    func abort() async
}
