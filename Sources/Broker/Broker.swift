/// The fan-out core between the change feed and the sessions' sockets: topics,
/// subscriptions, filters, per-session bounded queues. A plain struct: no I/O, no threads,
/// no clock; the same calls give the same bytes.
///
/// The owner (the server) holds the broker and each connection's `STOMPSession`, and calls:
///
/// - after `CONNECTED`: ``addSession(_:version:)`` with the session's negotiated version;
/// - on `STOMPSession.Action.subscribe`: ``resolveTopic(destination:)`` (persisting a
///   ``TopicResolution/created(_:)`` topic where topics are stored), any replay, then
///   ``subscribe(session:_:)`` with `startAfter` set to the last replayed position;
/// - on `.publish` (`SEND`): ``resolveTopic(destination:)`` before storing the event;
/// - for each event of the feed, in position order: ``publish(_:)``;
/// - on ``Action/drain(session:)``, whenever that session's socket is writable:
///   ``drain(session:maxBytes:)``; write every ``Delivery`` (its head, then its tail),
///   calling `STOMPSession.delivered(subscription:ackID:)` for those with an ``Delivery/ackID``
///   before, and reporting the write to `didWrite(now:)` (at the latest before the session's
///   next `tick(now:)`), then flush once; repeat while ``Drain/hasMore``;
/// - on `.ack` and `.nack`: ``acknowledged(_:session:)``; `.resumeDelivery` needs no call, the
///   broker keeps the same count of unacknowledged messages against the same limit;
/// - on `.unsubscribe`: ``unsubscribe(session:id:)``;
/// - on ``Action/disconnect(session:_:)``: `STOMPSession.terminate(message:detail:)`;
/// - when the connection is gone: ``removeSession(_:)``.
///
/// ```swift
/// var broker = Broker(catalog: TopicSet([try Topic("orders")]), configuration: .init())
/// try broker.addSession("s-1", version: .v1_2)
/// try broker.subscribe(session: "s-1", .init(id: "0", topic: try Topic("orders")))
/// let actions = broker.publish(event) // [.drain(session: "s-1")]
/// let drain = broker.drain(session: "s-1", maxBytes: 64 << 10)
/// ```
public struct Broker: Sendable {
    /// The broker's options and limits.
    public let configuration: Configuration
    /// The topics the broker knows, including those it created.
    public internal(set) var catalog: any TopicCatalog
    /// Counters since the broker was created.
    public internal(set) var metrics = Metrics()
    /// The sessions by id.
    var sessions: [String: OutboundSession] = [:]
    /// The subscriptions of all sessions.
    var subscriptions: [SubscriptionKey: SubscriptionState] = [:]
    /// Each topic's subscriptions, oldest first, so fan-out order is deterministic.
    var subscribers: [Topic: [SubscriptionKey]] = [:]

    /// Creates a broker with no sessions.
    ///
    /// - Parameters:
    ///   - catalog: The topics that exist; an empty ``TopicSet`` by default.
    ///   - configuration: Options and limits; defaults when omitted.
    public init(catalog: some TopicCatalog = TopicSet(), configuration: Configuration = Configuration()) {
        self.catalog = catalog
        self.configuration = configuration
    }
}
