extension EventLog {
    /// The SQL every reader of the log shares, so the rules of positions are written once:
    /// an event's position is its transaction's `first_position` plus its `ord`, and the
    /// head is the last position of the newest visible transaction.
    public enum SQL {
        /// The head position as an SQL expression (0 for an empty log).
        public static let headPosition =
            "coalesce((SELECT last_position FROM pglive.transactions ORDER BY first_position DESC LIMIT 1), 0)"

        /// A condition on a `pglive.transactions` column that starts its index scan at the
        /// transaction holding `position` (or the first one), so reading after a position
        /// never walks the log before it.
        /// - Parameters:
        ///   - column: the `first_position` column, e.g. `t.first_position`, written by code.
        ///   - position: the position's SQL expression, a placeholder such as `$1::bigint`.
        public static func scanStart(_ column: String, atTransactionHolding position: String) -> String {
            "\(column) >= coalesce((SELECT max(first_position) FROM pglive.transactions WHERE first_position <= \(position)), 0)"
        }
    }
}
