/// The topic a destination names, and whether the broker just created it.
///
/// ```swift
/// switch try broker.resolveTopic(destination: subscription.destination) {
/// case .existing(let topic): subscribe(topic)
/// case .created(let topic): try await store.createTopic(topic); subscribe(topic)
/// }
/// ```
public enum TopicResolution: Sendable, Hashable {
    /// The catalog already held the topic.
    case existing(Topic)
    /// The topic was unknown and ``Broker/Configuration/autoCreateTopics`` created it.
    case created(Topic)

    /// The resolved topic, created or not.
    public var topic: Topic {
        switch self {
        case .existing(let topic), .created(let topic): topic
        }
    }
}
