import Foundation

/// One event of the log, as every reader sees it: its commit-ordered position, topic,
/// operation, commit time and content.
public struct LoggedEvent: Sendable, Equatable {
    /// What kind of change an event is.
    public enum Operation: String, Sendable, Equatable {
        /// A row was inserted.
        case insert = "INSERT"
        /// A row was updated.
        case update = "UPDATE"
        /// A row was deleted.
        case delete = "DELETE"
        /// An application event published with `pglive.publish` or STOMP `SEND`.
        case event = "EVENT"
    }

    /// The position: grows in commit order across all topics.
    public var position: Int64
    /// The topic name.
    public var topic: String
    /// The operation.
    public var operation: Operation
    /// When the writing transaction committed (assigned at commit, in position order).
    public var committedAt: Date
    /// The row as JSON text for table topics (the new row; the old one for `DELETE`).
    public var row: String?
    /// The previous row as JSON text, for `UPDATE` on topics that keep it.
    public var oldRow: String?
    /// The body of an application event.
    public var body: [UInt8]?
    /// The content type of an application event's body.
    public var contentType: String?
    /// The user headers of an application event, as a JSON object text.
    public var headers: String?

    /// Creates an event.
    /// - Parameters:
    ///   - position: the commit-ordered position.
    ///   - topic: the topic.
    ///   - operation: the operation.
    ///   - committedAt: the commit time.
    ///   - row: the row JSON for table topics.
    ///   - oldRow: the old row JSON where kept.
    ///   - body: an application event's body.
    ///   - contentType: an application event's content type.
    ///   - headers: an application event's headers as JSON.
    public init(
        position: Int64, topic: String, operation: Operation, committedAt: Date, row: String? = nil,
        oldRow: String? = nil, body: [UInt8]? = nil, contentType: String? = nil, headers: String? = nil
    ) {
        self.position = position
        self.topic = topic
        self.operation = operation
        self.committedAt = committedAt
        self.row = row
        self.oldRow = oldRow
        self.body = body
        self.contentType = contentType
        self.headers = headers
    }

    /// The bytes a subscriber receives: the row JSON for table topics, the body for
    /// application events.
    public var payload: [UInt8] { body ?? Array((row ?? "null").utf8) }

    /// The payload's size in bytes, without building it.
    public var payloadByteCount: Int { body?.count ?? (row ?? "null").utf8.count }

    /// The payload's content type.
    public var payloadContentType: String { body == nil ? "application/json" : (contentType ?? "application/octet-stream") }
}
