import Migrations
import PostgresLibPQ

/// The exit statuses of `pglive migrate`, mapped once from the errors.
enum MigrateExitStatus: Int32 {
    /// Everything succeeded.
    case success = 0
    /// A migration statement failed.
    case migrationFailed = 1
    /// Refused before running anything.
    case refused = 2
    /// `status --exit-code` found migrations needing attention.
    case needsAttention = 3
    /// The migration lock was not free in time.
    case lockTimeout = 4
    /// The database or the file system failed.
    case environment = 5

    init(_ error: any Error) {
        guard let error = error as? MigrationError else {
            self = .environment
            return
        }
        switch error {
        case .statementFailed: self = .migrationFailed
        case .lockTimeout: self = .lockTimeout
        case .folderUnreadable, .fileNotWritable: self = .environment
        case .invalidFiles, .modified, .outOfOrder, .noDownSection, .missingFile, .partlyAppliedBlocksDown,
             .partlyAppliedFileChanged, .unknownVersion, .notApplied, .notFailed, .invalidName:
            self = .refused
        }
    }

    /// The one-line message for an error.
    /// - Parameter error: any error a migration command threw.
    static func message(for error: any Error) -> String {
        switch error {
        case let error as MigrationError: return error.description
        case let error as PostgresError where error.kind == .connection: return "database connection failed: \(error.message)"
        case let error as PostgresError: return "database error: \(error.description)"
        default: return String(describing: error)
        }
    }
}
