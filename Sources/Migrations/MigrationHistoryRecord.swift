import Foundation

/// One row of `pglive.schema_migrations`: what happened to a migration file.
///
/// A successful row means the file is applied. A failed row (`success` false) records
/// the last error; for a no-transaction file, `statementsDone` says how many up
/// statements completed, so the next run resumes after them.
public struct MigrationHistoryRecord: Sendable, Hashable {
    /// The file's version.
    public var version: MigrationVersion
    /// The file name, for example `0001_create_pglive_schema.sql`.
    public var name: String
    /// The checksum of the file when it ran (or when a repair accepted it).
    public var checksum: String
    /// When the row was last written.
    public var appliedAt: Date
    /// The database role that wrote it.
    public var appliedBy: String
    /// How long the last run took.
    public var executionMilliseconds: Int64
    /// Whether the file is completely applied.
    public var success: Bool
    /// The last error, for failed rows.
    public var error: String?
    /// How many up statements have completed (all of them for a successful row).
    public var statementsDone: Int
    /// ``MigrationChecksum/of(statements:)`` of the completed statements.
    public var statementsDoneChecksum: String?

    /// Creates a record.
    /// - Parameters:
    ///   - version: the file's version.
    ///   - name: the file name.
    ///   - checksum: the file's checksum.
    ///   - appliedAt: when the row was written.
    ///   - appliedBy: the database role.
    ///   - executionMilliseconds: run time.
    ///   - success: whether the file is applied.
    ///   - error: the last error, for failed rows.
    ///   - statementsDone: completed up statements.
    ///   - statementsDoneChecksum: checksum of the completed statements.
    public init(
        version: MigrationVersion, name: String, checksum: String, appliedAt: Date = Date(timeIntervalSince1970: 0),
        appliedBy: String = "", executionMilliseconds: Int64 = 0, success: Bool = true, error: String? = nil,
        statementsDone: Int = 0, statementsDoneChecksum: String? = nil
    ) {
        self.version = version
        self.name = name
        self.checksum = checksum
        self.appliedAt = appliedAt
        self.appliedBy = appliedBy
        self.executionMilliseconds = executionMilliseconds
        self.success = success
        self.error = error
        self.statementsDone = statementsDone
        self.statementsDoneChecksum = statementsDoneChecksum
    }
}
