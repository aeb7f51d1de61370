extension EventLog {
    /// The SQL every reader of the log shares, so the rules of positions are written once:
    /// an event's position is its transaction's `first_position` plus its `ord`, and the
    /// head is the last position of the newest visible transaction.
    public enum SQL {
        /// The head position as an SQL expression (0 for an empty log).
        public static let headPosition =
            "coalesce((SELECT last_position FROM pglive.transactions ORDER BY first_position DESC LIMIT 1), 0)"

        /// The last position committed before the time `$1` (0 when none): where a
        /// `from-time` subscriber's replay starts. Transactions hold disjoint, ascending
        /// position ranges, so it is the `last_position` of the newest transaction before
        /// `$1`, found from whichever side is cheaper (``nearerEnd(of:walkingFrom:walk:range:)``).
        public static let lastPositionCommittedBefore = "SELECT " + nearerEnd(
            of: "$1::timestamptz", walkingFrom: .end,
            walk: "coalesce((SELECT last_position FROM pglive.transactions WHERE committed_at < $1::timestamptz ORDER BY first_position DESC LIMIT 1), 0)",
            range: "(SELECT coalesce(max(last_position + 0), 0) FROM pglive.transactions WHERE committed_at < $1::timestamptz)") + " AS p"

        /// The `first_position` of the first transaction committed at or after `time` (NULL
        /// when none), as an SQL expression: where a read from a time starts its scan.
        /// - Parameter time: the time's SQL expression, a placeholder such as `$2::timestamptz`.
        public static func firstTransaction(committedAtOrAfter time: String) -> String {
            nearerEnd(
                of: time, walkingFrom: .start,
                walk: "(SELECT min(first_position) FROM pglive.transactions WHERE committed_at >= \(time))",
                range: "(SELECT min(first_position + 0) FROM pglive.transactions WHERE committed_at >= \(time))")
        }

        /// The `first_position` of the last transaction committed before `time` (NULL when
        /// none), as an SQL expression: where a read up to a time ends its scan.
        /// - Parameter time: the time's SQL expression, a placeholder such as `$2::timestamptz`.
        public static func lastTransaction(committedBefore time: String) -> String {
            nearerEnd(
                of: time, walkingFrom: .end,
                walk: "(SELECT max(first_position) FROM pglive.transactions WHERE committed_at < \(time))",
                range: "(SELECT max(first_position + 0) FROM pglive.transactions WHERE committed_at < \(time))")
        }

        /// The end of the transactions list a walk starts from.
        enum LogEnd {
            case start, end
        }

        /// Of two equal answers about the transactions on one side of `time`, the one that
        /// reads fewer: `walk` (down `first_position`'s index from `end`, filtering on the
        /// commit time) when `time` lies in the quarter of the log's commit-time span next
        /// to that end, else `range` (every transaction on the far side of `time`, through
        /// the BRIN index on `committed_at`, with `+ 0` on the column so that the planner
        /// does not walk the index instead). A walked row costs ~2.5× a BRIN-read one.
        ///
        /// The planner alone walks whenever it can, assuming the times it looks for are
        /// spread evenly, where they all sit at one end. At 603k transactions a history page
        /// from a time at 95% of the span took 93 ms, and 5.4 ms this way; the worst case is
        /// ~25–30 ms, in the middle of the span (`Benchmarks/RESULTS.md`, "finding a from-time
        /// bound"). Both answers are exact whatever order the commit times are in; only the
        /// speed depends on the choice, which two index probes (the first and last commit
        /// times) make.
        static func nearerEnd(of time: String, walkingFrom end: LogEnd, walk: String, range: String) -> String {
            let first = "(SELECT committed_at FROM pglive.transactions ORDER BY first_position LIMIT 1)"
            let last = "(SELECT committed_at FROM pglive.transactions ORDER BY first_position DESC LIMIT 1)"
            let nearWalkedEnd = switch end {
            case .start: "3 * (\(time) - \(first)) < \(last) - \(time)"
            case .end: "3 * (\(last) - \(time)) < \(time) - \(first)"
            }
            // A sub-SELECT, not a bare CASE: inside a larger query the bare CASE left the planner
            // walking anyway (109 ms instead of 9 at 99.9% of the span).
            return "(SELECT CASE WHEN \(nearWalkedEnd) THEN \(walk) ELSE \(range) END)"
        }

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
        /// transaction, and `e`, its events of the topic (``events(ofTopic:after:before:)``).
        ///
        /// Add `tt.topic = …` to the WHERE clause, bound positions on `tt.first_position` as
        /// well and order by `tt.first_position, e.ord`: the scan then follows the topic's
        /// index from the first transaction in range, and fetches each transaction's events
        /// of the topic by the log tables' primary keys, never scanning the log.
        ///
        /// ```swift
        /// "SELECT tt.first_position + e.ord AS position FROM \(EventLog.SQL.topicEvents(after: "$2")) WHERE tt.topic = $1"
        /// ```
        /// - Parameters:
        ///   - after: only events with a greater position (an SQL expression), or all.
        ///   - before: only events with a smaller position (an SQL expression), or all.
        public static func topicEvents(after: String? = nil, before: String? = nil) -> String {
            """
            pglive.transaction_topics tt
              JOIN pglive.transactions t ON t.tx = tt.tx
             CROSS JOIN LATERAL \(events(ofTopic: "tt.topic", after: after, before: before)) e
            """
        }

        /// The FROM items of a read of every topic's events: `t`, each transaction, and `e`,
        /// its events (``events(ofTopic:after:before:)``). Bound positions on
        /// `t.first_position` as well and order by `t.first_position, e.ord`.
        /// - Parameter after: only events with a greater position (an SQL expression), or all.
        public static func allEvents(after: String? = nil) -> String {
            "pglive.transactions t CROSS JOIN LATERAL \(events(ofTopic: nil, after: after, before: nil)) e"
        }

        /// The events of the transaction `t`, as a LATERAL subquery with the columns `ord`,
        /// `topic`, `op`, `row_data`, `old_row`, `body`, `content_type` and `headers`; the
        /// position of an event is `t.first_position + e.ord`.
        ///
        /// A transaction's events are in two tables (migration 0007): `pglive.events`, one row
        /// per event, and `pglive.event_chunks`, one row per capturing statement of up to 256
        /// rows whose `rows` array holds the events with ordinals `ord … ord + n - 1`. The
        /// bounds go inside both branches, on the primary keys `(tx, ord)`: the planner would
        /// apply conditions on `e` only to the unpacked rows, reading and unpacking the whole
        /// transaction first.
        static func events(ofTopic topic: String?, after: String?, before: String?) -> String {
            var rowConditions = ["e.tx = t.tx"]
            var chunkConditions = ["c.tx = t.tx"]
            var elementConditions: [String] = []
            if let topic {
                rowConditions.append("e.topic = \(topic)")
                chunkConditions.append("c.topic = \(topic)")
            }
            if let after {
                let ordinal = "(\(after)) - t.first_position"
                rowConditions.append("e.ord > \(ordinal)")
                // A chunk holds at most 256 events: the lower bound keeps the key scan short.
                chunkConditions.append("c.ord > \(ordinal) - 256")
                chunkConditions.append("c.ord + c.n - 1 > \(ordinal)")
                elementConditions.append("c.ord + x.i::integer - 1 > \(ordinal)")
            }
            if let before {
                let ordinal = "(\(before)) - t.first_position"
                rowConditions.append("e.ord < \(ordinal)")
                chunkConditions.append("c.ord < \(ordinal)")
                elementConditions.append("c.ord + x.i::integer - 1 < \(ordinal)")
            }
            return """
                (SELECT e.ord, e.topic, e.op, e.row_data, e.old_row, e.body, e.content_type, e.headers
                   FROM pglive.events e
                  WHERE \(rowConditions.joined(separator: " AND "))
                 UNION ALL
                 SELECT c.ord + x.i::integer - 1, c.topic, c.op, x.row_data, NULL, NULL, NULL, NULL
                   FROM pglive.event_chunks c
                  CROSS JOIN LATERAL unnest(c.rows) WITH ORDINALITY AS x(row_data, i)
                  WHERE \((chunkConditions + elementConditions).joined(separator: " AND ")))
                """
        }

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
            (SELECT tt.first_position + e.ord FROM \(topicEvents())
              WHERE tt.topic = \(topic) ORDER BY tt.first_position\(direction), e.ord\(direction) LIMIT 1)
            """
        }
    }
}
