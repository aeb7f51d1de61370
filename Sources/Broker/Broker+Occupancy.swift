extension Broker {
    /// The number of subscriptions of each topic that has any, replaying ones included
    /// what the server's per-topic subscription gauge shows.
    ///
    /// ```swift
    /// for (topic, count) in broker.subscriptionCounts { gauge(topic).record(count) }
    /// ```
    public var subscriptionCounts: [Topic: Int] {
        self.subscribers.mapValues(\.count)
    }
}
