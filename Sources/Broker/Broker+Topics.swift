extension Broker {
    /// Resolves a `SUBSCRIBE` or `SEND` destination to its topic, creating the topic when it
    /// is unknown and ``Configuration/autoCreateTopics`` is set.
    ///
    /// ```swift
    /// let topic = try broker.resolveTopic(destination: "/topic/orders").topic
    /// ```
    ///
    /// - Parameters:
    ///   - destination: The frame's `destination` header.
    /// - Throws: ``BrokerError/invalidDestination(_:)``, ``BrokerError/invalidTopic(_:)``, or
    ///   ``BrokerError/unknownTopic(_:)`` naming the topic.
    public mutating func resolveTopic(destination: String) throws(BrokerError) -> TopicResolution {
        let topic = try Topic(destination: destination)
        guard !self.catalog.contains(topic) else {
            return .existing(topic)
        }
        guard self.configuration.autoCreateTopics else {
            throw .unknownTopic(topic.name)
        }
        self.catalog.insert(topic)
        return .created(topic)
    }
}
