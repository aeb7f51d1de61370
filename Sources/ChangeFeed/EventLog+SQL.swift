extension EventLog {
    /// The SQL every reader of the log shares, so the rules of positions are written once:
    /// an event's position is its transaction's `first_position` plus its `ord`, and the
    /// head is the last position of the newest visible transaction.
    public enum SQL {
        /// The head position as an SQL expression (0 for an empty log).
        public static let headPosition =
            "coalesce((SELECT last_position FROM pglive.transactions ORDER BY first_position DESC LIMIT 1), 0)"

        /// The last position committed before the time `$1` (0 when none): where a
        /// `from-time` subscriber's replay starts.
        ///
        /// Exact whatever order the commit times are in; only the speed depends on which of
        /// two equal answers runs. Transactions hold disjoint, ascending position ranges, so
        /// the answer is the `last_position` of the newest transaction before `$1`: read
        /// either all transactions before `$1` (through the BRIN index on `committed_at`;
        /// `+ 0` keeps the planner from walking `first_position` from the start instead), or
        /// the transactions list backwards from its end until one is before `$1`. The
        /// statement picks the side with fewer transactions by the first and last commit
        /// times, walking only when `$1` is in the last quarter of the span: a walked row
        /// costs ~2.5× a BRIN-read one. At 603k transactions a time near the end took 36 ms
        /// with the BRIN read alone and 0.2–5.5 ms this way; the worst case is ~30 ms, near
        /// the three-quarter mark (`Benchmarks/RESULTS.md`, "finding a from-time bound").
        public static let lastPositionCommittedBefore = """
            SELECT CASE
                WHEN $1::timestamptz - (SELECT committed_at FROM pglive.transactions ORDER BY first_position LIMIT 1)
                     < 3 * ((SELECT committed_at FROM pglive.transactions ORDER BY first_position DESC LIMIT 1) - $1::timestamptz)
                THEN (SELECT coalesce(max(last_position + 0), 0) FROM pglive.transactions WHERE committed_at < $1::timestamptz)
                ELSE coalesce((SELECT last_position FROM pglive.transactions WHERE committed_at < $1::timestamptz
                               ORDER BY first_position DESC LIMIT 1), 0)
            END AS p
            """

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
