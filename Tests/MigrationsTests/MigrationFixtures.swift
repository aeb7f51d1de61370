import Migrations

/// Builders for pure tests: parsed files and history rows.
enum MigrationFixtures {
    static func file(_ name: String, _ text: String = "SELECT 1;\n-- migrate:down\nSELECT 2;\n") -> MigrationFile {
        MigrationFile(fileName: MigrationFileName(parsing: name)!, contents: Array(text.utf8))
    }

    static func applied(_ file: MigrationFile) -> MigrationHistoryRecord {
        MigrationHistoryRecord(
            version: file.version, name: file.name, checksum: file.checksum, success: true,
            statementsDone: file.up.count,
            statementsDoneChecksum: MigrationChecksum.of(statements: file.up.map(\.text)))
    }

    static func failed(_ file: MigrationFile, statementsDone: Int = 0) -> MigrationHistoryRecord {
        MigrationHistoryRecord(
            version: file.version, name: file.name, checksum: file.checksum, success: false, error: "boom",
            statementsDone: statementsDone,
            statementsDoneChecksum: MigrationChecksum.of(statements: file.up.prefix(statementsDone).map(\.text)))
    }
}
