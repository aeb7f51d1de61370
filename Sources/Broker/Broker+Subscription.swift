import STOMP

extension Broker {
    /// A subscription as the broker needs it, built by the owner from
    /// `STOMPSession.Subscription` once its topic is resolved and any replay is done.
    ///
    /// ```swift
    /// let subscription = Broker.Subscription(
    ///     id: stompSubscription.id,
    ///     topic: resolution.topic,
    ///     ackMode: stompSubscription.ackMode,
    ///     filter: selector,
    ///     startAfter: replayedThrough,
    ///     maxUnackedMessages: session.configuration.maxUnackedMessages
    /// )
    /// ```
    public struct Subscription: Sendable {
        /// The subscription id, unique in its session.
        public var id: String
        /// The topic it listens to.
        public var topic: Topic
        /// How its messages are acknowledged.
        public var ackMode: STOMPSession.AckMode
        /// Which events it receives; all when `nil`.
        public var filter: (any EventFilter)?
        /// Events at or before this position are skipped: the last position a replay
        /// delivered, so the seam between replay and live has no duplicate.
        public var startAfter: Int64?
        /// For `client` and `client-individual`: how many messages may be queued or
        /// delivered without an acknowledgement before delivery pauses. Pass the session's
        /// `maxUnackedMessages`.
        public var maxUnackedMessages: Int
        /// Whether the owner replays the log to it first: until
        /// ``Broker/endReplay(session:subscription:through:)``, only
        /// ``Broker/replay(_:session:subscription:)`` delivers to it and live events pass it by.
        public var isReplaying: Bool
        /// Whether bodies of row changes carry the old row: `{"row":…,"old_row":…}`
        /// (``BrokerEvent/bodyWithOldRow``) instead of the row alone; a `SUBSCRIBE` with
        /// `old-row:true`. Application events keep their body either way.
        public var includesOldRow: Bool

        /// Creates a subscription.
        ///
        /// - Parameters:
        ///   - id: The subscription id.
        ///   - topic: The topic.
        ///   - ackMode: The ack mode; `auto` by default.
        ///   - filter: The event filter; none by default.
        ///   - startAfter: Skip events at or before this position; none by default.
        ///   - maxUnackedMessages: The unacknowledged limit; 1,000 by default, as the session's.
        ///   - isReplaying: Whether a replay from the log comes first; `false` by default.
        ///   - includesOldRow: Whether row bodies carry the old row; `false` by default.
        public init(
            id: String,
            topic: Topic,
            ackMode: STOMPSession.AckMode = .auto,
            filter: (any EventFilter)? = nil,
            startAfter: Int64? = nil,
            maxUnackedMessages: Int = 1_000,
            isReplaying: Bool = false,
            includesOldRow: Bool = false
        ) {
            self.id = id
            self.topic = topic
            self.ackMode = ackMode
            self.filter = filter
            self.startAfter = startAfter
            self.maxUnackedMessages = maxUnackedMessages
            self.isReplaying = isReplaying
            self.includesOldRow = includesOldRow
        }
    }
}
