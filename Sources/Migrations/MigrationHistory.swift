import Foundation
import PostgresLibPQ

/// Reads and writes `pglive.schema_migrations` through one connection.
struct MigrationHistory {
    static let table = "pglive.schema_migrations"

    let connection: PGConnection

    /// Creates the schema and the table if they are missing. Called under the migration lock.
    func createIfMissing() throws {
        try connection.execute("""
            CREATE SCHEMA IF NOT EXISTS pglive;
            CREATE TABLE IF NOT EXISTS \(Self.table) (
                version bigint PRIMARY KEY,
                name text NOT NULL,
                checksum text NOT NULL,
                applied_at timestamptz NOT NULL DEFAULT now(),
                applied_by text NOT NULL DEFAULT current_user,
                execution_ms bigint NOT NULL DEFAULT 0,
                success boolean NOT NULL,
                error text,
                statements_done integer NOT NULL DEFAULT 0,
                statements_done_checksum text
            );
            COMMENT ON TABLE \(Self.table) IS 'Migration files applied by pglive migrate';
            """)
    }

    /// Every row, in version order; empty when the table does not exist yet.
    func load() throws -> [MigrationHistoryRecord] {
        let exists = try connection.query("SELECT to_regclass($1) IS NOT NULL AS present", [Self.table])
            .rows[0].decode("present", as: Bool.self)
        guard exists else { return [] }
        return try connection.query("""
            SELECT version, name, checksum, applied_at, applied_by, execution_ms, success, error,
                   statements_done, statements_done_checksum
            FROM \(Self.table) ORDER BY version
            """).rows.map { row in
            let value: Int64 = try row.decode("version")
            let name: String = try row.decode("name")
            return MigrationHistoryRecord(
                version: Self.version(value, name: name), name: name, checksum: try row.decode("checksum"),
                appliedAt: try row.decode("applied_at"), appliedBy: try row.decode("applied_by"),
                executionMilliseconds: try row.decode("execution_ms"), success: try row.decode("success"),
                error: try row.decode("error"), statementsDone: try row.decode("statements_done"),
                statementsDoneChecksum: try row.decode("statements_done_checksum"))
        }
    }

    /// Inserts or replaces the row of `file`.
    /// - Parameters:
    ///   - file: the migration file.
    ///   - success: whether it is now completely applied.
    ///   - statementsDone: how many up statements have completed.
    ///   - milliseconds: how long the run took.
    ///   - error: the failure, for an unsuccessful run.
    func record(_ file: MigrationFile, success: Bool, statementsDone: Int, milliseconds: Int64, error: String?) throws {
        let doneChecksum = MigrationChecksum.of(statements: file.up.prefix(statementsDone).map(\.text))
        try connection.query("""
            INSERT INTO \(Self.table)
                (version, name, checksum, execution_ms, success, error, statements_done, statements_done_checksum)
            VALUES ($1, $2, $3, $4, $5, $6, $7::integer, $8)
            ON CONFLICT (version) DO UPDATE SET
                name = EXCLUDED.name, checksum = EXCLUDED.checksum, applied_at = now(), applied_by = current_user,
                execution_ms = EXCLUDED.execution_ms, success = EXCLUDED.success, error = EXCLUDED.error,
                statements_done = EXCLUDED.statements_done, statements_done_checksum = EXCLUDED.statements_done_checksum
            """, [file.version.value, file.name, file.checksum, milliseconds, success, error, statementsDone, doneChecksum])
    }

    /// Deletes the row of a version.
    /// - Parameter version: the version.
    func delete(_ version: MigrationVersion) throws {
        try connection.query("DELETE FROM \(Self.table) WHERE version = $1", [version.value])
    }

    /// Replaces the checksum of an applied row.
    /// - Parameters:
    ///   - version: the version.
    ///   - checksum: the new checksum.
    func acceptChecksum(_ version: MigrationVersion, checksum: String) throws {
        try connection.query("UPDATE \(Self.table) SET checksum = $2 WHERE version = $1 AND success", [version.value, checksum])
    }

    /// The version with the digits of the file name when they match the number.
    private static func version(_ value: Int64, name: String) -> MigrationVersion {
        if let parsed = MigrationFileName(parsing: name)?.version, parsed.value == value { return parsed }
        return MigrationVersion(value: value)
    }
}
