extension EventLog {
    /// The SQL every reader of the log shares, so the rules of positions are written once:
    /// an event's position is its transaction's `first_position` plus its `ord`, and the
    /// head is the last position of the newest visible transaction.
    public enum SQL {
        /// The head position as an SQL expression (0 for an empty log).
        public static let headPosition =
            "coalesce((SELECT last_position FROM pglive.transactions ORDER BY first_position DESC LIMIT 1), 0)"

        /// A condition on a `first_position` column that starts its index scan at the
        /// transaction holding `position` (or the first one), so reading after a position
        /// never walks the log before it.
        /// - Parameters:
        ///   - column: the `first_position` column, e.g. `t.first_position`, written by code.
        ///   - position: the position's SQL expression, a placeholder such as `$1::bigint`.
        public static func scanStart(_ column: String, atTransactionHolding position: String) -> String {
            "\(column) >= coalesce((SELECT max(first_position) FROM pglive.transactions WHERE first_position <= \(position)), 0)"
        }

        /// The FROM items of a read of one topic's events: `tt`, the topic's transactions
        /// (`pglive.transaction_topics`, keyed by topic and `first_position`), `t`, each
        /// transaction, and `e`, its events of the topic.
        ///
        /// Add `tt.topic = …` to the WHERE clause, bound positions on `tt.first_position` and
        /// order by `tt.first_position, e.ord`: the scan then follows the topic's index from
        /// the first transaction in range, and fetches each transaction's events of the topic
        /// by the events' primary key, never scanning `pglive.events`.
        ///
        /// ```swift
        /// "SELECT tt.first_position + e.ord AS position FROM \(EventLog.SQL.topicEvents) WHERE tt.topic = $1"
        /// ```
        public static let topicEvents = """
            pglive.transaction_topics tt
              JOIN pglive.transactions t ON t.tx = tt.tx
              JOIN pglive.events e ON e.tx = tt.tx AND e.topic = tt.topic
            """

        /// A topic's oldest retained position as an SQL expression (NULL when it has no events).
        /// - Parameter topic: the topic's SQL expression, a placeholder or a column.
        public static func oldestPosition(of topic: String) -> String {
            retainedPosition(of: topic, direction: "")
        }

        /// A topic's newest position as an SQL expression (NULL when it has no events).
        /// - Parameter topic: the topic's SQL expression, a placeholder or a column.
        public static func newestPosition(of topic: String) -> String {
            retainedPosition(of: topic, direction: " DESC")
        }

        private static func retainedPosition(of topic: String, direction: String) -> String {
            """
            (SELECT tt.first_position + e.ord FROM \(topicEvents)
              WHERE tt.topic = \(topic) ORDER BY tt.first_position\(direction), e.ord\(direction) LIMIT 1)
            """
        }
    }
}
