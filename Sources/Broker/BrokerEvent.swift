import NIOCore
import STOMP

/// One event of the change feed on its way to subscribers: a row change or an
/// application event.
///
/// ```swift
/// let event = BrokerEvent(
///     topic: try Topic("orders"),
///     position: 1042,
///     operation: .insert,
///     committedAt: "2025-01-31T12:00:00.123456Z",
///     body: ByteBuffer(string: #"{"id":7,"status":"open"}"#)
/// )
/// ```
public struct BrokerEvent: Sendable, Equatable {
    /// The header names the broker writes itself; user headers with these names are dropped.
    public static let reservedHeaderNames: Set<String> = [
        "destination", "subscription", "message-id", "ack", "content-type", "content-length",
        "position", "op", "committed-at", "receipt", "transaction",
        "gap", "gap-first-position", "gap-last-position", "gap-dropped",
    ]

    /// The topic the event belongs to.
    public let topic: Topic
    /// The event's place in commit order across all topics.
    public let position: Int64
    /// What happened: a row change or an application event.
    public let operation: Operation
    /// The commit time as RFC 3339 text, sent as it is in the `committed-at` header.
    public let committedAt: String
    /// The body's media type, sent in the `content-type` header.
    public let contentType: String
    /// Headers of an application event (a `SEND` frame's own headers), in order, without
    /// any of the ``reservedHeaderNames``.
    public let headers: STOMPHeaders
    /// The row as JSON, or an application event's body.
    public let body: ByteBuffer
    /// The previous row as JSON: for an `UPDATE` of a table published with `keep_old`;
    /// `nil` otherwise. Only subscriptions that ask for it see it (see
    /// ``Broker/Subscription/includesOldRow``).
    public let oldRow: ByteBuffer?

    /// Creates an event.
    ///
    /// - Parameters:
    ///   - topic: The event's topic.
    ///   - position: Its position in commit order.
    ///   - operation: The row change or ``Operation/event``.
    ///   - committedAt: The commit time, RFC 3339.
    ///   - contentType: The body's media type; `application/json` by default.
    ///   - headers: User headers, e.g. all of a `SEND` frame's headers; the
    ///     ``reservedHeaderNames`` among them are dropped.
    ///   - body: The body.
    ///   - oldRow: The previous row of an `UPDATE`, where the topic keeps it; none by default.
    public init(
        topic: Topic,
        position: Int64,
        operation: Operation,
        committedAt: String,
        contentType: String = "application/json",
        headers: STOMPHeaders = [:],
        body: ByteBuffer,
        oldRow: ByteBuffer? = nil
    ) {
        self.topic = topic
        self.position = position
        self.operation = operation
        self.committedAt = committedAt
        self.contentType = contentType
        self.headers = STOMPHeaders(headers.filter { !Self.reservedHeaderNames.contains($0.name) })
        self.body = body
        self.oldRow = oldRow
    }
}
