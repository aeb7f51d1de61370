extension STOMPSession {
    /// Where a session is in its life.
    enum State: Sendable, Hashable {
        /// Waiting for the `CONNECT` or `STOMP` frame; any other frame is an error.
        case awaitingConnect
        /// `CONNECT` arrived; the owner is authenticating. Frames after it wait in the parser.
        case authenticating
        /// `CONNECTED` was sent; frames take effect.
        case connected
        /// `DISCONNECT` arrived; waiting for earlier frames to take effect, ignoring later ones.
        case disconnecting
        /// The session asked to close or the connection dropped; every event is ignored.
        case closed
    }
}
