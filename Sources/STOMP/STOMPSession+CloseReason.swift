extension STOMPSession {
    /// Why a session asks its owner to close the connection.
    ///
    /// ```swift
    /// case .close(.error(let error), _): logger.info("closing", metadata: ["error": "\(error)"])
    /// ```
    public enum CloseReason: Sendable, Hashable {
        /// The client sent `DISCONNECT` and every earlier frame took effect.
        case disconnected
        /// The session sent an `ERROR` frame for this error.
        case error(STOMPSessionError)
    }
}
