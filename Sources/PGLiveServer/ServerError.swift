import Authorization
import Broker
import ChangeFeed
import PostgresLibPQ
import RowFilter

/// Why the server refused a client's request or could not start; mapped once, at the edge,
/// to a STOMP `ERROR` (``message`` and ``detail``) or a CLI message.
///
/// ```swift
/// perform(session.failed(operation, message: error.message, detail: error.detail))
/// ```
public enum ServerError: Error, Sendable, Equatable {
    /// A `--user` value that is not `NAME:PASSWORD`.
    case invalidUser(String)
    /// The destination or topic is invalid or unknown.
    case topic(BrokerError)
    /// `SEND` to a table topic: its events come from the table only.
    case tableTopic(String)
    /// The `selector` header does not parse.
    case invalidSelector(RowFilterError)
    /// A `from-position` or `from-time` header that is not a position, `earliest` or an RFC 3339 time.
    case invalidResumePoint(header: String, value: String)
    /// Both `from-position` and `from-time` were given.
    case conflictingResumePoints
    /// An `old-row` header that is neither `true` nor `false`.
    case invalidOldRow(String)
    /// The log cannot be replayed from where the client asked.
    case eventLog(EventLogError)
    /// The database failed the request.
    case database(PostgresError)
    /// The session's principal may not read or publish to the topic.
    case forbidden(AccessDenial)
}
