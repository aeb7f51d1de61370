/// An in-memory ``TopicCatalog``: the topics declared when the server started, plus those
/// created since.
///
/// ```swift
/// var broker = Broker(catalog: TopicSet([try Topic("orders")]), configuration: .init())
/// ```
public struct TopicSet: TopicCatalog, Equatable {
    /// The known topics.
    public private(set) var topics: Set<Topic>

    /// Creates a catalog.
    ///
    /// - Parameters:
    ///   - topics: The topics that exist from the start.
    public init(_ topics: some Sequence<Topic> = []) {
        self.topics = Set(topics)
    }

    /// Whether the topic was declared or created.
    ///
    /// - Parameters:
    ///   - topic: The topic.
    public func contains(_ topic: Topic) -> Bool {
        self.topics.contains(topic)
    }

    /// Adds a topic.
    ///
    /// - Parameters:
    ///   - topic: The new topic.
    public mutating func insert(_ topic: Topic) {
        self.topics.insert(topic)
    }
}
