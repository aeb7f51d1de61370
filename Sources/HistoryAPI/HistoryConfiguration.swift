/// The limits of the history API.
///
/// ```swift
/// let configuration = HistoryConfiguration(maxLimit: 5_000)
/// ```
public struct HistoryConfiguration: Sendable {
    /// The page size when a request gives no `limit`.
    public var defaultLimit: Int
    /// The largest `limit` a JSON page may ask for; above it the request is a 400.
    public var maxLimit: Int
    /// How long one page query may run before it is cancelled (503).
    public var statementTimeout: Duration
    /// How long an NDJSON or CSV export waits for a client that stopped reading before it
    /// gives up and releases its database connection.
    public var stalledClientTimeout: Duration
    /// The most NDJSON and CSV exports streaming at once; more are answered 503 at once
    /// (each holds a database connection while it streams). `nil` for no limit; 32 by default.
    public var maxConcurrentExports: Int? = 32

    /// Creates a configuration.
    /// - Parameters:
    ///   - defaultLimit: the page size without `limit`; 100 by default.
    ///   - maxLimit: the largest `limit`; 10 000 by default.
    ///   - statementTimeout: the page query timeout; 30 s by default.
    ///   - stalledClientTimeout: how long an export waits on a client; 60 s by default.
    public init(
        defaultLimit: Int = 100, maxLimit: Int = 10_000, statementTimeout: Duration = .seconds(30),
        stalledClientTimeout: Duration = .seconds(60)
    ) {
        self.defaultLimit = defaultLimit
        self.maxLimit = maxLimit
        self.statementTimeout = statementTimeout
        self.stalledClientTimeout = stalledClientTimeout
    }
}
