import NIOCore

extension STOMPSession {
    /// A side effect the owner of a ``STOMPSession`` performs, in the order returned.
    ///
    /// ```swift
    /// for action in session.tick(now: .now()) {
    ///     if case .write(let bytes) = action { channel.writeAndFlush(bytes) }
    /// }
    /// ```
    public enum Action: Sendable, Equatable {
        /// Write these bytes to the client: an encoded `CONNECTED`, `RECEIPT` or `ERROR`
        /// frame, or a heart-beat EOL. Report the write with ``STOMPSession/didWrite(now:)``.
        case write(ByteBuffer)
        /// Authenticate the `CONNECT` frame's credentials; answer with
        /// ``STOMPSession/authenticated()`` or ``STOMPSession/authenticationFailed(message:detail:)``.
        /// `headers` holds all of the frame's headers, e.g. `Authorization` or `host`.
        case authenticate(login: String?, passcode: String?, headers: STOMPHeaders)
        /// Register the subscription with the broker (replaying from the log when it asks
        /// to); answer with ``STOMPSession/completed(_:)`` or ``STOMPSession/failed(_:message:detail:)``.
        case subscribe(Subscription, OperationID)
        /// Remove the subscription with this id from the broker; no answer is expected.
        case unsubscribe(id: String)
        /// Store the SEND's event through the log; answer with ``STOMPSession/completed(_:)``
        /// or ``STOMPSession/failed(_:message:detail:)``.
        case publish(Publication, OperationID)
        /// Store the transaction's events atomically; answer with ``STOMPSession/completed(_:)``
        /// or ``STOMPSession/failed(_:message:detail:)``.
        case commit(Transaction, OperationID)
        /// The client acknowledged these messages; no answer is expected.
        case ack(Acknowledgement)
        /// The client refused these messages; no answer is expected.
        case nack(Acknowledgement)
        /// Delivery to this subscription, paused at the unacknowledged limit, may resume.
        case resumeDelivery(subscription: String)
        /// Close the connection. With `flushFirst`, close once the writes before it are
        /// flushed; without, close now (the peer is presumed dead). Nothing follows it.
        case close(CloseReason, flushFirst: Bool)
    }
}
