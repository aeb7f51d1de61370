import PostgresLibPQ
import RowFilter

/// Reads the events log (`pglive.events` and `pglive.event_chunks` numbered by
/// `pglive.transactions`, found by topic through `pglive.transaction_topics`) in position order.
///
/// Every reader — the live feed, a resuming subscriber, the history API — reads through
/// these queries, so they all see the same positions in the same order.
public enum EventLog {
    /// The highest position whose transaction is visible now. Because positions become
    /// visible in order, every position up to it is visible too.
    /// - Parameter connection: a connection to the database.
    public static func headPosition(on connection: PGConnection) throws -> Int64 {
        try connection.query("SELECT \(SQL.headPosition) AS head").rows[0].decode("head", as: Int64.self)
    }

    /// Events after a position, in position order.
    /// - Parameters:
    ///   - position: read events with a greater position.
    ///   - topic: only this topic, or all topics when `nil`.
    ///   - limit: the most events to return.
    ///   - filter: only events whose row matches it (compiled to SQL on `row_data`, so
    ///     application events never match a filter with conditions); all events when `nil`.
    ///   - connection: a connection to the database.
    public static func events(
        after position: Int64, topic: String? = nil, limit: Int, matching filter: RowPredicate? = nil,
        on connection: PGConnection
    ) throws -> [LoggedEvent] {
        // One topic is read through its transactions' index, all topics through every
        // transaction after the position. $2 is bound either way (NULL without a topic).
        let (source, first, topicCondition) = topic == nil
            ? (SQL.allEvents(after: "$1"), "t.first_position", "$2::text IS NULL")
            : (SQL.topicEvents(after: "$1"), "tt.first_position", "tt.topic = $2")
        let condition = filter?.sql(column: "e.row_data", startingAt: 4)
        let parameters: [any PostgresBindable] = [position, topic, limit] + (condition?.bindings ?? [])
        // Without a filter the text is one of two constants (all topics, read on every
        // notification, or one topic): prepared once per connection. A filter's text
        // varies with the client's selector.
        let run = filter == nil ? connection.queryPrepared : connection.query
        return try run(
            """
            SELECT \(first) + e.ord AS position, e.topic, e.op, t.committed_at,
                   e.row_data, e.old_row, e.body, e.content_type, e.headers
              FROM \(source)
             WHERE \(topicCondition)
               AND \(SQL.scanStart(first, atTransactionHolding: "$1"))
               AND \(filter?.conditions.isEmpty == false ? "e.row_data IS NOT NULL" : "TRUE")
               AND (\(condition?.sql ?? "TRUE"))
             ORDER BY \(first), e.ord
             LIMIT $3
            """,
            parameters
        ).rows.map(LoggedEvent.init(row:))
    }
}

extension LoggedEvent {
    /// Reads an event from a row of ``EventLog/events(after:topic:limit:matching:on:)``.
    init(row: PostgresRow) throws {
        let op = try row.decode("op", as: String.self)
        guard let operation = Operation(rawValue: op) else {
            throw PostgresError(.decoding, message: "unknown event operation \(op)")
        }
        self.init(
            position: try row.decode("position", as: Int64.self),
            topic: try row.decode("topic", as: String.self),
            operation: operation,
            committedAt: try row.decode("committed_at"),
            row: try row.decode("row_data", as: String?.self),
            oldRow: try row.decode("old_row", as: String?.self),
            body: try row.decode("body", as: [UInt8]?.self),
            contentType: try row.decode("content_type", as: String?.self),
            headers: try row.decode("headers", as: String?.self))
    }
}
