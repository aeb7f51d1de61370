extension Broker {
    /// The broker's options and per-session limits.
    ///
    /// ```swift
    /// let configuration = Broker.Configuration(autoCreateTopics: true, slowConsumerPolicy: .dropWithGapNotice)
    /// ```
    public struct Configuration: Sendable, Hashable {
        /// Whether `SUBSCRIBE` and `SEND` to an unknown topic create it (`--auto-create-topics`).
        public var autoCreateTopics: Bool
        /// The most frames the broker holds for one session: queued for the socket plus
        /// parked behind a `client` subscription's unacknowledged limit.
        public var maxQueuedFrames: Int
        /// The most bytes the broker holds for one session, counted like ``maxQueuedFrames``.
        /// A session holding nothing always takes one frame, however large.
        public var maxQueuedBytes: Int
        /// What happens when a session's frames would pass either limit.
        public var slowConsumerPolicy: SlowConsumerPolicy

        /// Creates a configuration.
        ///
        /// - Parameters:
        ///   - autoCreateTopics: Create unknown topics on demand; `false` by default.
        ///   - maxQueuedFrames: Frames held per session; 10,000 by default.
        ///   - maxQueuedBytes: Bytes held per session; 8 MiB by default.
        ///   - slowConsumerPolicy: ``SlowConsumerPolicy/disconnect`` by default.
        public init(
            autoCreateTopics: Bool = false,
            maxQueuedFrames: Int = 10_000,
            maxQueuedBytes: Int = 8 << 20,
            slowConsumerPolicy: SlowConsumerPolicy = .disconnect
        ) {
            self.autoCreateTopics = autoCreateTopics
            self.maxQueuedFrames = maxQueuedFrames
            self.maxQueuedBytes = maxQueuedBytes
            self.slowConsumerPolicy = slowConsumerPolicy
        }
    }
}
