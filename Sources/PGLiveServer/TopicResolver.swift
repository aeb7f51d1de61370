import Authorization
import Broker
import PostgresLibPQ

/// Turns a client's `/topic/<name>` into a topic of `pglive.topics` with its kind.
///
/// An unknown name makes it read `pglive.topics` again (topics created since are found);
/// with auto-creation, a name still unknown becomes an application topic through
/// `pglive.create_topic`.
struct TopicResolver: Sendable {
    /// Where the directory is cached.
    let hub: BrokerHub
    /// Where the directory is read.
    let pool: PostgresPool
    /// Whether unknown names become application topics.
    let autoCreateTopics: Bool

    /// The topic a destination names, and its kind.
    ///
    /// - Parameters:
    ///   - destination: A `SEND` or `SUBSCRIBE` destination.
    /// - Throws: ``ServerError/topic(_:)`` for an invalid destination or an unknown topic.
    func resolve(_ destination: String) async throws(ServerError) -> (topic: Topic, kind: TopicKind) {
        let topic: Topic
        do {
            topic = try Topic(destination: destination)
        } catch {
            throw .topic(error)
        }
        if let kind = await self.hub.kind(of: topic) {
            return (topic, kind)
        }
        let create = self.autoCreateTopics
        let directory = try await self.pool.serving { connection in
            let directory = try TopicDirectory.load(on: connection)
            guard create, directory.kind(of: topic) == nil else {
                return directory
            }
            try connection.query("SELECT pglive.create_topic($1)", [topic.name])
            return try TopicDirectory.load(on: connection)
        }
        await self.hub.replaceTopics(with: directory)
        guard let kind = directory.kind(of: topic) else {
            throw .topic(.unknownTopic(topic.name))
        }
        return (topic, kind)
    }

    /// Checks a verb on a destination's topic without looking the topic up, so a refused
    /// client learns nothing about which topics exist and creates none.
    ///
    /// - Parameters:
    ///   - verb: Read (`SUBSCRIBE`) or publish (`SEND`).
    ///   - destination: The frame's destination.
    ///   - principal: Who asks.
    /// - Throws: ``ServerError/topic(_:)`` for an invalid destination, ``ServerError/forbidden(_:)``.
    func authorize(_ verb: AccessVerb, destination: String, principal: Principal) throws(ServerError) {
        let topic: Topic
        do {
            topic = try Topic(destination: destination)
        } catch {
            throw .topic(error)
        }
        do {
            try principal.authorize(verb, topic: topic.name)
        } catch {
            throw .forbidden(error)
        }
    }
}
