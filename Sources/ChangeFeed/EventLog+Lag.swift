import PostgresLibPQ

extension EventLog {
    /// How far a reader that delivered through a position is behind the log.
    public struct Lag: Sendable, Equatable {
        /// The log's head: the highest visible position.
        public var head: Int64
        /// Positions committed after the delivered one and not delivered.
        public var positions: Int64
        /// How long ago, by the database's clock, the oldest undelivered event committed;
        /// `0` when nothing is undelivered.
        public var seconds: Double
    }

    /// The lag of a reader that delivered everything through `position`: one query, two
    /// index probes on `pglive.transactions`, whatever the log's size.
    ///
    /// ```swift
    /// let lag = try EventLog.lag(after: feed.status.lastDelivered, on: connection)
    /// ```
    ///
    /// - Parameters:
    ///   - position: the last delivered position.
    ///   - connection: a connection to the database.
    public static func lag(after position: Int64, on connection: PGConnection) throws -> Lag {
        let row = try connection.query(
            """
            SELECT \(SQL.headPosition) AS head,
                   coalesce(extract(epoch FROM clock_timestamp() - (
                       SELECT committed_at FROM pglive.transactions
                        WHERE \(SQL.scanStart("first_position", atTransactionHolding: "$1 + 1"))
                          AND last_position > $1
                        ORDER BY first_position LIMIT 1)), 0)::float8 AS seconds
            """,
            [position]
        ).rows[0]
        let head = try row.decode("head", as: Int64.self)
        return Lag(head: head, positions: max(0, head - position), seconds: max(0, try row.decode("seconds", as: Double.self)))
    }
}
