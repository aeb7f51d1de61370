extension Broker {
    /// What the owner of a ``Broker`` does after a call, in the order returned.
    ///
    /// ```swift
    /// for action in broker.publish(event) {
    ///     switch action {
    ///     case .drain(let session): connections[session]?.scheduleDrain()
    ///     case .disconnect(let session, let error): connections[session]?.terminate(error)
    ///     }
    /// }
    /// ```
    public enum Action: Sendable, Hashable {
        /// The session's queue went from empty to holding frames: drain it with
        /// ``Broker/drain(session:maxBytes:)`` when its socket is writable, until
        /// ``Drain/hasMore`` is `false`.
        case drain(session: String)
        /// The session was too slow and the broker forgot it: send it
        /// `STOMPSession.terminate(message:detail:)` with the error's message and detail.
        case disconnect(session: String, BrokerError)
    }
}
