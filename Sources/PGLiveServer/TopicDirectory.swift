import Broker
import PostgresLibPQ

/// The topics of `pglive.topics` with their kinds, as last read from the database.
///
/// A cache: when a client names a topic it does not hold, the owner reads the table again
/// (``load(on:)``) before calling the topic unknown, so topics created after startup work.
struct TopicDirectory: Sendable {
    /// The kinds by topic.
    private var kinds: [Topic: TopicKind] = [:]

    /// The kind of a topic, or `nil` when the directory does not hold it.
    func kind(of topic: Topic) -> TopicKind? {
        self.kinds[topic]
    }

    /// Replaces the directory's content with `pglive.topics`.
    mutating func replace(with other: TopicDirectory) {
        self.kinds = other.kinds
    }

    /// Reads every topic of `pglive.topics`; names the broker cannot use are skipped.
    ///
    /// - Parameters:
    ///   - connection: A connection to the database.
    static func load(on connection: PGConnection) throws -> TopicDirectory {
        var directory = TopicDirectory()
        for row in try connection.query("SELECT name, kind FROM pglive.topics").rows {
            guard let topic = try? Topic(try row.decode("name", as: String.self)),
                  let kind = TopicKind(rawValue: try row.decode("kind", as: String.self)) else {
                continue
            }
            directory.kinds[topic] = kind
        }
        return directory
    }
}
