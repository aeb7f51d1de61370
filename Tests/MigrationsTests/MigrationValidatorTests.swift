import Migrations
import Testing

@Suite struct MigrationValidatorTests {
    @Test func transactionControlIsAnErrorInAnyFile() {
        let file = MigrationFixtures.file("0001_a.sql", "BEGIN;\nCREATE TABLE t (a int);\nCOMMIT;\n")
        #expect(MigrationValidator.problems(in: file) == [
            .transactionControl(file: "0001_a.sql", direction: .up, statement: 1, line: 1, command: "BEGIN"),
            .transactionControl(file: "0001_a.sql", direction: .up, statement: 3, line: 3, command: "COMMIT"),
        ])
        let noTransaction = MigrationFixtures.file("0002_b.sql", "-- pglive:no-transaction\nSTART TRANSACTION;\n")
        #expect(MigrationValidator.problems(in: noTransaction).filter(\.isError) == [
            .transactionControl(file: "0002_b.sql", direction: .up, statement: 1, line: 2, command: "START TRANSACTION"),
        ])
    }

    @Test func autocommitOnlyStatementsNeedTheDirective() {
        let file = MigrationFixtures.file("0001_a.sql", "CREATE INDEX CONCURRENTLY i ON t (a);\n-- migrate:down\nDROP INDEX CONCURRENTLY i;\n")
        #expect(MigrationValidator.problems(in: file) == [
            .needsNoTransaction(file: "0001_a.sql", direction: .up, statement: 1, line: 1, command: "CREATE INDEX CONCURRENTLY"),
            .needsNoTransaction(file: "0001_a.sql", direction: .down, statement: 1, line: 3, command: "DROP INDEX CONCURRENTLY"),
        ])
        let fixed = MigrationFixtures.file("0001_a.sql", "-- pglive:no-transaction\nCREATE INDEX CONCURRENTLY i ON t (a);\n")
        #expect(MigrationValidator.problems(in: fixed).isEmpty)
    }

    @Test func severalStatementsWithoutTransactionIsAWarning() {
        let file = MigrationFixtures.file("0001_a.sql", "-- pglive:no-transaction\nCREATE INDEX CONCURRENTLY i ON t (a);\nVACUUM t;\n")
        let problems = MigrationValidator.problems(in: file)
        #expect(problems == [.severalStatementsWithoutTransaction(file: "0001_a.sql", direction: .up, count: 2)])
        #expect(problems.allSatisfy { !$0.isError })
    }

    @Test func emptyUpSectionAndUnterminatedQuoteAreErrors() {
        #expect(MigrationValidator.problems(in: MigrationFixtures.file("0001_a.sql", "-- nothing\n")) == [
            .emptyUpSection(file: "0001_a.sql"),
        ])
        let open = MigrationFixtures.file("0001_a.sql", "SELECT 1;\nSELECT 'oops;\n")
        #expect(MigrationValidator.problems(in: open) == [
            .unterminated(file: "0001_a.sql", construct: SQLUnterminatedConstruct(kind: "single-quoted string", line: 2)),
        ])
    }

    @Test func folderReportsBadNamesAndDuplicateVersions() throws {
        let folder = MigrationFolder(
            path: "m", files: [MigrationFixtures.file("0001_a.sql"), MigrationFixtures.file("1_b.sql"), MigrationFixtures.file("0002_c.sql")],
            invalidNames: ["readme_first.sql"])
        #expect(folder.files.map(\.name) == ["0002_c.sql"])
        #expect(folder.problems == [
            .invalidFileName("readme_first.sql"),
            .duplicateVersion(MigrationVersion("1")!, files: ["0001_a.sql", "1_b.sql"]),
        ])
    }
}
