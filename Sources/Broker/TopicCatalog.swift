/// Where the broker learns which topics exist.
///
/// The broker asks it on `SUBSCRIBE` and `SEND` (``Broker/resolveTopic(destination:)``) and,
/// with ``Broker/Configuration/autoCreateTopics``, inserts the unknown ones; the owner
/// persists a ``TopicResolution/created(_:)`` topic where topics are stored. ``TopicSet``
/// is the in-memory catalog of topics declared on the command line.
///
/// ```swift
/// struct PublishedTopics: TopicCatalog {
///     var names: Set<String>
///     func contains(_ topic: Topic) -> Bool { names.contains(topic.name) }
///     mutating func insert(_ topic: Topic) { names.insert(topic.name) }
/// }
/// ```
public protocol TopicCatalog: Sendable {
    /// Whether the topic exists.
    ///
    /// - Parameters:
    ///   - topic: The topic.
    func contains(_ topic: Topic) -> Bool

    /// Records a topic the broker created on a client's request.
    ///
    /// - Parameters:
    ///   - topic: The new topic.
    mutating func insert(_ topic: Topic)
}
