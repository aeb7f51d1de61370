/// How a transaction begins: its isolation level and access mode.
public struct PostgresTransactionMode: Sendable, Equatable {
    /// The isolation levels PostgreSQL implements.
    public enum Isolation: String, Sendable {
        /// Each statement sees what was committed before it started.
        case readCommitted = "READ COMMITTED"
        /// Every statement sees the snapshot taken by the transaction's first statement.
        case repeatableRead = "REPEATABLE READ"
        /// Repeatable read plus serialisation failure detection.
        case serializable = "SERIALIZABLE"
    }

    /// The isolation level.
    public var isolation: Isolation
    /// Whether writes are refused.
    public var readOnly: Bool

    /// Creates a mode.
    /// - Parameters:
    ///   - isolation: the isolation level.
    ///   - readOnly: whether writes are refused.
    public init(isolation: Isolation, readOnly: Bool) {
        self.isolation = isolation
        self.readOnly = readOnly
    }

    /// PostgreSQL's default: read committed, read write.
    public static let readWrite = PostgresTransactionMode(isolation: .readCommitted, readOnly: false)
    /// One snapshot for every statement, no writes: consistent reads across several queries.
    public static let readOnlySnapshot = PostgresTransactionMode(isolation: .repeatableRead, readOnly: true)

    /// The `BEGIN` statement that starts such a transaction.
    var beginStatement: String {
        "BEGIN ISOLATION LEVEL \(isolation.rawValue)\(readOnly ? " READ ONLY" : "")"
    }
}
