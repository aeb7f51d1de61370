extension Broker {
    /// Counters since the broker started, for the server's metrics.
    ///
    /// ```swift
    /// gauge("pglive_stomp_frames_out_total").record(broker.metrics.framesOut)
    /// ```
    public struct Metrics: Sendable, Hashable {
        /// Events passed to ``Broker/publish(_:)``.
        public var eventsPublished = 0
        /// Frames handed out by ``Broker/drain(session:maxBytes:)``, gap notices included.
        public var framesOut = 0
        /// Bytes of those frames.
        public var bytesOut = 0
        /// Shared `MESSAGE` tails encoded: at most one per event and STOMP version.
        public var sharedEncodings = 0
        /// Messages held or due for a session that never left the broker: dropped under
        /// ``SlowConsumerPolicy/dropWithGapNotice``, or discarded with a session closed for
        /// being slow.
        public var droppedMessages = 0
        /// Sessions closed under ``SlowConsumerPolicy/disconnect``.
        public var slowConsumerDisconnects = 0
        /// Gap notices queued.
        public var gapNotices = 0

        /// All zero, as for a new broker.
        public init() {}
    }
}
