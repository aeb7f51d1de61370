/// A history request that cannot be answered: its HTTP status, a stable code, a message
/// for people and optional detail. Mapped once to the JSON error body
/// `{ "error": { "code", "message", "detail" } }`.
///
/// Messages name the offending parameter or value; they never contain SQL or a stack trace.
public struct HistoryError: Error, Sendable, Equatable {
    /// The kinds of failure, each with its HTTP status.
    public enum Code: String, Sendable {
        /// A query parameter is malformed or conflicts with another (400).
        case invalidParameter = "invalid_parameter"
        /// A row filter does not parse (400).
        case invalidFilter = "invalid_filter"
        /// A cursor was altered or belongs to another query (400).
        case invalidCursor = "invalid_cursor"
        /// `limit` is above the configured maximum (400).
        case limitTooHigh = "limit_too_high"
        /// No credentials, or wrong ones (401).
        case unauthorized = "unauthorized"
        /// No route for the request's path (404).
        case notFound = "not_found"
        /// Authenticated, but not allowed to read the topic (403).
        case forbidden = "forbidden"
        /// The topic does not exist (404).
        case unknownTopic = "unknown_topic"
        /// A filter, projection or order names a column the topic does not have (404).
        case unknownColumn = "unknown_column"
        /// No format the client accepts (406).
        case notAcceptable = "not_acceptable"
        /// The database cannot be reached or did not answer in time (503).
        case databaseUnavailable = "database_unavailable"
        /// The most NDJSON and CSV exports the server streams at once are streaming (503,
        /// with `Retry-After`).
        case tooManyStreams = "too_many_streams"
        /// An unexpected failure; details are in the server log (500).
        case internalError = "internal_error"

        /// The HTTP status code.
        public var status: Int {
            switch self {
            case .invalidParameter, .invalidFilter, .invalidCursor, .limitTooHigh: 400
            case .unauthorized: 401
            case .forbidden: 403
            case .notFound, .unknownTopic, .unknownColumn: 404
            case .notAcceptable: 406
            case .databaseUnavailable, .tooManyStreams: 503
            case .internalError: 500
            }
        }
    }

    /// What went wrong.
    public let code: Code
    /// A one-line message.
    public let message: String
    /// More about it, such as the offending value, or `nil`.
    public let detail: String?
    /// The `WWW-Authenticate` challenges of a 401, one per scheme the server accepts; a 401
    /// without any offers `Basic`.
    public var challenges: [String] = []

    /// Creates an error.
    /// - Parameters:
    ///   - code: the kind of failure.
    ///   - message: a one-line message.
    ///   - detail: more about it, if useful.
    public init(_ code: Code, _ message: String, detail: String? = nil) {
        self.code = code
        self.message = message
        self.detail = detail
    }
}
