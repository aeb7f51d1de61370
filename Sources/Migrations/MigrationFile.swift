/// One migration file, parsed: its name, checksum, directives and statements.
///
/// A file has an up section and, after a line `-- migrate:down`, an optional down
/// section. A line `-- pglive:no-transaction` makes the runner execute the file's
/// statements one by one in autocommit instead of in one transaction.
///
/// ```sql
/// -- pglive:no-transaction
/// CREATE INDEX CONCURRENTLY orders_customer_idx ON orders (customer_id);
/// -- migrate:down
/// DROP INDEX CONCURRENTLY orders_customer_idx;
/// ```
public struct MigrationFile: Sendable, Hashable {
    /// The parsed file name.
    public let fileName: MigrationFileName
    /// SHA-256 hex of the contents with normalised line endings.
    public let checksum: String
    /// Whether the file runs in one transaction (no `-- pglive:no-transaction` line).
    public let isTransactional: Bool
    /// The statements before `-- migrate:down`.
    public let up: [MigrationStatement]
    /// The statements after `-- migrate:down`, or `nil` without such a line.
    public let down: [MigrationStatement]?
    /// Problems found while parsing, reported by `validate` and refused by the runner.
    public let problems: [MigrationProblem]

    /// The version, from the file name.
    public var version: MigrationVersion { fileName.version }
    /// The file name as on disk.
    public var name: String { fileName.fileName }

    /// The statements of one direction.
    /// - Parameter direction: up or down.
    /// - Returns: the section's statements; empty for a missing down section.
    public func statements(_ direction: MigrationDirection) -> [MigrationStatement] {
        switch direction {
        case .up: up
        case .down: down ?? []
        }
    }
}

/// Which way a migration runs.
public enum MigrationDirection: String, Sendable, Hashable, Codable {
    /// Applying the file's up section.
    case up
    /// Rolling back with the file's down section.
    case down
}
