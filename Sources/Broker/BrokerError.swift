/// Why the broker refused a request or dropped a session.
///
/// The owner maps it once to a STOMP `ERROR` with ``message`` and ``detail``, e.g. through
/// `STOMPSession.failed(_:message:detail:)` or `terminate(message:detail:)`.
///
/// ```swift
/// do { try broker.resolveTopic(destination: destination) }
/// catch { perform(session.failed(operation, message: error.message, detail: error.detail)) }
/// ```
public enum BrokerError: Error, Sendable, Hashable {
    /// The destination does not start with `/topic/`.
    case invalidDestination(String)
    /// The topic name breaks `[a-z0-9][a-z0-9_.-]*` or is longer than 200 bytes.
    case invalidTopic(String)
    /// The topic does not exist and topics are not created on demand.
    case unknownTopic(String)
    /// No session with this id was added.
    case unknownSession(String)
    /// A session with this id was already added.
    case duplicateSession(String)
    /// The session already has a subscription with this id.
    case duplicateSubscription(session: String, id: String)
    /// The session's outbound queue passed its limit under the
    /// ``Broker/SlowConsumerPolicy/disconnect`` policy.
    case slowConsumer(maxQueuedFrames: Int, maxQueuedBytes: Int)
}
