import Foundation
import PostgresLibPQ

extension EventLog {
    /// The position after which a subscriber starting at `point` reads `topic`, or an
    /// error if retention already pruned events it would need: never a silent gap.
    /// - Parameters:
    ///   - point: where the subscriber asks to start.
    ///   - topic: the topic.
    ///   - connection: a connection to the database.
    public static func startPosition(for point: ResumePoint, topic: String, on connection: PGConnection) throws -> Int64 {
        guard let pruned = try connection.query(
            "SELECT pruned_through FROM pglive.topics WHERE name = $1", [topic]
        ).rows.first?.decode("pruned_through", as: Int64.self) else {
            throw EventLogError.unknownTopic(topic)
        }
        let start: Int64
        let requested: String
        switch point {
        case .earliest:
            return pruned
        case .after(let position):
            start = position
            requested = "position \(position)"
        case .time(let time):
            start = try connection.query(SQL.lastPositionCommittedBefore, [time]).rows[0].decode("p", as: Int64.self)
            requested = PostgresTimestampText.format(time)
        }
        guard start >= pruned else {
            let oldest = try connection.query("SELECT \(SQL.oldestPosition(of: "$1")) AS p", [topic])
                .rows[0].decode("p", as: Int64?.self)
            throw EventLogError.pruned(topic: topic, requested: requested, oldestRetained: oldest)
        }
        return start
    }

    /// Deletes up to `batchSize` log rows past their topic's retention: events, or chunks
    /// of up to 256 events written by one statement, which go whole.
    /// - Parameters:
    ///   - batchSize: the most log rows to delete in this call.
    ///   - connection: a connection to the database.
    /// - Returns: how many events were deleted; call again until it returns 0.
    public static func prune(batchSize: Int = 10_000, on connection: PGConnection) throws -> Int {
        try connection.query("SELECT pglive.prune($1::int) AS n", [batchSize]).rows[0].decode("n", as: Int.self)
    }
}
