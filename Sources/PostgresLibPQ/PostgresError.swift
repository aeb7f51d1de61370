/// An error from PostgreSQL or from the libpq layer, with the server's diagnostic fields.
///
/// Server errors carry the SQLSTATE code (for example `23505` for a unique violation),
/// the message, and where PostgreSQL supplies them the detail, the hint and the
/// 1-based character position in the failing statement. `statement` is the SQL text
/// that was sent, so a caller can point at the failing line.
///
/// ```swift
/// do { try connection.query("INSERT INTO t VALUES ($1)", [1]) }
/// catch let error as PostgresError where error.sqlState == "23505" { … }
/// ```
public struct PostgresError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Where an error comes from.
    public enum Kind: String, Sendable, Equatable {
        /// The connection could not be made or was lost.
        case connection
        /// The server rejected a statement; `sqlState` says why.
        case server
        /// No pooled connection became free before the acquire timeout.
        case poolTimeout
        /// The pool was shut down.
        case poolClosed
        /// The waiting task was cancelled.
        case cancelled
        /// A value could not be converted to the requested Swift type.
        case decoding
        /// An argument was invalid before anything was sent to the server.
        case invalidArgument
    }

    /// Where the error comes from.
    public var kind: Kind
    /// The five-character SQLSTATE, for server errors.
    public var sqlState: String?
    /// The primary human-readable message.
    public var message: String
    /// An optional secondary message with more detail.
    public var detail: String?
    /// An optional suggestion what to do about the problem.
    public var hint: String?
    /// The 1-based character index in `statement` where the error was detected.
    public var position: Int?
    /// The SQL text that failed, when the error is tied to one statement.
    public var statement: String?

    /// Creates an error.
    /// - Parameters:
    ///   - kind: where it comes from.
    ///   - message: the primary message.
    ///   - sqlState: the SQLSTATE code for server errors.
    ///   - detail: secondary detail.
    ///   - hint: a suggestion.
    ///   - position: 1-based character position in `statement`.
    ///   - statement: the failing SQL text.
    public init(
        _ kind: Kind, message: String, sqlState: String? = nil, detail: String? = nil,
        hint: String? = nil, position: Int? = nil, statement: String? = nil
    ) {
        self.kind = kind
        self.message = message
        self.sqlState = sqlState
        self.detail = detail
        self.hint = hint
        self.position = position
        self.statement = statement
    }

    /// A one-paragraph description: SQLSTATE, message, detail and hint.
    public var description: String {
        var text = sqlState.map { "\($0): \(message)" } ?? message
        if let detail { text += " (detail: \(detail))" }
        if let hint { text += " (hint: \(hint))" }
        return text
    }
}

extension PostgresError {
    /// SQLSTATE `23505`: a unique constraint was violated.
    public static let uniqueViolation = "23505"
    /// SQLSTATE `57014`: the statement was cancelled.
    public static let queryCanceled = "57014"
    /// SQLSTATE `57P01`: the server terminated the connection (shutdown or `pg_terminate_backend`).
    public static let adminShutdown = "57P01"
}

extension PostgresError {
    /// The waiting or running task was cancelled.
    static let taskCancelled = PostgresError(.cancelled, message: "the task was cancelled")
}
