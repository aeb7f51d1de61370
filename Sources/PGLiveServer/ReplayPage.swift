import ChangeFeed
import PostgresLibPQ
import RowFilter

/// One read of a replay: the matching events after a position, and how far the read
/// covered the log, matching or not.
struct ReplayPage: Sendable {
    /// The matching events, in position order.
    let events: [LoggedEvent]
    /// Every matching event up to this position is in ``events`` or was read before.
    let through: Int64
    /// Whether the read reached the end of the log as it was when the read began.
    let reachedHead: Bool

    /// Reads the next page of a topic's log.
    ///
    /// The head is read first: positions become visible in order, so a page shorter than
    /// `limit` holds every matching event up to that head.
    ///
    /// - Parameters:
    ///   - position: Read after it.
    ///   - topic: The topic.
    ///   - filter: The selector, compiled to SQL.
    ///   - limit: The most events to read.
    ///   - connection: A connection to the database.
    static func read(
        after position: Int64, topic: String, filter: RowPredicate?, limit: Int, on connection: PGConnection
    ) throws -> ReplayPage {
        let head = try EventLog.headPosition(on: connection)
        let events = try EventLog.events(after: position, topic: topic, limit: limit, matching: filter, on: connection)
        let last = events.last?.position ?? position
        guard events.count < limit else {
            return ReplayPage(events: events, through: last, reachedHead: false)
        }
        return ReplayPage(events: events, through: max(head, last), reachedHead: true)
    }
}
