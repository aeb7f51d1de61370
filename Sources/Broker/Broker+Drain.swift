extension Broker {
    /// The frames taken from a session's queue by one ``Broker/drain(session:maxBytes:)``.
    ///
    /// ```swift
    /// let drain = broker.drain(session: id, maxBytes: 64 << 10)
    /// write(drain.deliveries); flush()
    /// if drain.hasMore { drainAgainWhenWritable() }
    /// ```
    public struct Drain: Sendable, Equatable {
        /// The frames to write, in order, then flush once.
        public var deliveries: [Delivery]
        /// Whether frames remain queued for the session.
        public var hasMore: Bool
    }
}
