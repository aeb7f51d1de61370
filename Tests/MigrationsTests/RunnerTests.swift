import Migrations
import PostgresLibPQ
import PostgresTestSupport
import Testing

/// The runner against a real PostgreSQL, one fresh database per test.
@Suite struct RunnerTests {
    private func runner(_ database: TestDatabase, _ folder: TemporaryMigrationFolder) throws -> MigrationRunner {
        MigrationRunner(connection: try database.connect(), folder: try folder.load(), lockTimeout: .seconds(5))
    }

    private func exists(_ relation: String, in connection: PGConnection) throws -> Bool {
        try connection.query("SELECT to_regclass($1) IS NOT NULL AS present", [relation]).rows[0].decode("present")
    }

    @Test func appliesFilesOnceAndRecordsThem() async throws {
        let database = try TestPostgres.makeDatabase(label: "applies")
        let folder = try TemporaryMigrationFolder([
            "0001_create_pglive_schema.sql": "CREATE SCHEMA IF NOT EXISTS pglive;\n",
            "0002_items.sql": "CREATE TABLE items (id int);\nINSERT INTO items VALUES (1);\n",
        ])
        #expect(try runner(database, folder).up().map(\.file.name) == ["0001_create_pglive_schema.sql", "0002_items.sql"])
        #expect(try runner(database, folder).up().isEmpty)
        let check = try database.connect()
        let rows = try check.query(
            "SELECT name, success, statements_done, applied_by, error FROM pglive.schema_migrations ORDER BY version").rows
        #expect(try rows.map { try $0.decode("name", as: String.self) } == ["0001_create_pglive_schema.sql", "0002_items.sql"])
        #expect(try rows.allSatisfy { try $0.decode("success", as: Bool.self) && $0["error"] == .null })
        #expect(try rows[1].decode("statements_done", as: Int.self) == 2)
        #expect(try check.query("SELECT count(*) AS n FROM items").rows[0].decode("n", as: Int.self) == 1)
        #expect(try runner(database, folder).status().map(\.state) == [.applied, .applied])
    }

    @Test func failingSecondStatementLeavesNoTraceOfTheFirst() async throws {
        let database = try TestPostgres.makeDatabase(label: "failing")
        let folder = try TemporaryMigrationFolder([
            "0001_broken.sql": "-- creates a table, then fails\nCREATE TABLE first_table (id int);\n\nINSERT INTO\n  no_such_table VALUES (1);\n",
        ])
        let error = try #require(throws: MigrationError.self) { try runner(database, folder).up() }
        guard case .statementFailed(let failure) = error else {
            Issue.record("expected a statement failure, got \(error)")
            return
        }
        #expect(failure.file == "0001_broken.sql")
        #expect(failure.statement == 2)
        #expect(failure.line == 5)
        #expect(failure.error.sqlState == "42P01")
        #expect(error.description.hasPrefix("0001_broken.sql:5: up statement 2 failed: 42P01: relation \"no_such_table\" does not exist"))
        let check = try database.connect()
        #expect(try !exists("first_table", in: check))
        let rows = try check.query("SELECT success, error FROM pglive.schema_migrations").rows
        #expect(rows.count == 1)
        #expect(try rows[0].decode("success", as: Bool.self) == false)
        #expect(try rows[0].decode("error", as: String.self).contains("42P01"))
        #expect(try runner(database, folder).status().map(\.state) == [.failed])

        try folder.write("0001_broken.sql", "CREATE TABLE first_table (id int);\n")
        #expect(try runner(database, folder).up().count == 1)
        #expect(try runner(database, folder).status().map(\.state) == [.applied])
    }

    @Test func editedAppliedFileIsReportedModifiedAndUpRefuses() async throws {
        let database = try TestPostgres.makeDatabase(label: "modified")
        let folder = try TemporaryMigrationFolder(["0001_a.sql": "CREATE TABLE a (id int);\n"])
        try runner(database, folder).up()
        try folder.write("0001_a.sql", "CREATE TABLE a (id bigint);\n")
        try folder.write("0002_b.sql", "CREATE TABLE b (id int);\n")
        #expect(try runner(database, folder).status().map(\.state) == [.modified, .pending])
        #expect(throws: MigrationError.modified(["0001_a.sql"])) { try runner(database, folder).up() }
        #expect(try !exists("b", in: try database.connect()))

        try runner(database, folder).acceptChecksum(of: MigrationVersion("1")!)
        #expect(try runner(database, folder).up().map(\.file.name) == ["0002_b.sql"])
    }

    @Test func crlfCopyOfAnAppliedFileIsNotModified() async throws {
        let database = try TestPostgres.makeDatabase(label: "crlf")
        let text = "CREATE TABLE a (id int);\n-- migrate:down\nDROP TABLE a;\n"
        let folder = try TemporaryMigrationFolder(["0001_a.sql": text])
        try runner(database, folder).up()
        try folder.write("0001_a.sql", text.replacingOccurrences(of: "\n", with: "\r\n"))
        #expect(try runner(database, folder).status().map(\.state) == [.applied])
        #expect(try runner(database, folder).up().isEmpty)
    }

    @Test func outOfOrderIsRefusedUnlessAllowed() async throws {
        let database = try TestPostgres.makeDatabase(label: "outoforder")
        let folder = try TemporaryMigrationFolder([
            "0001_a.sql": "CREATE TABLE a (id int);\n", "0003_c.sql": "CREATE TABLE c (id int);\n",
        ])
        try runner(database, folder).up()
        try folder.write("0002_b.sql", "CREATE TABLE b (id int);\n")
        #expect(try runner(database, folder).status().map(\.state) == [.applied, .outOfOrder, .applied])
        #expect(throws: MigrationError.outOfOrder(["0002_b.sql"], highestApplied: "0003_c.sql")) {
            try runner(database, folder).up()
        }
        #expect(try runner(database, folder).up(allowOutOfOrder: true).map(\.file.name) == ["0002_b.sql"])
        #expect(try exists("b", in: try database.connect()))
    }

    @Test func downRollsBackAndRefusesAFileWithoutDownSection() async throws {
        let database = try TestPostgres.makeDatabase(label: "down")
        let folder = try TemporaryMigrationFolder([
            "0001_a.sql": "CREATE TABLE a (id int);\n",
            "0002_b.sql": "CREATE TABLE b (id int);\n-- migrate:down\nDROP TABLE b;\n",
        ])
        try runner(database, folder).up()
        #expect(try runner(database, folder).down(.steps(1)).map(\.file.name) == ["0002_b.sql"])
        let check = try database.connect()
        #expect(try !exists("b", in: check))
        #expect(try runner(database, folder).status().map(\.state) == [.applied, .pending])
        #expect(throws: MigrationError.noDownSection("0001_a.sql")) { try runner(database, folder).down(.steps(1)) }
        #expect(try exists("a", in: check))
    }

    @Test func baselineMarksFilesAppliedWithoutRunningThem() async throws {
        let database = try TestPostgres.makeDatabase(label: "baseline")
        let folder = try TemporaryMigrationFolder([
            "0001_a.sql": "CREATE TABLE a (id int);\n", "0002_b.sql": "CREATE TABLE b (id int);\n",
            "0003_c.sql": "CREATE TABLE c (id int);\n",
        ])
        #expect(try runner(database, folder).baseline(through: MigrationVersion("2")!).map(\.name) == ["0001_a.sql", "0002_b.sql"])
        let check = try database.connect()
        #expect(try !exists("a", in: check))
        #expect(try runner(database, folder).status().map(\.state) == [.applied, .applied, .pending])
        #expect(try runner(database, folder).up().map(\.file.name) == ["0003_c.sql"])
        #expect(throws: MigrationError.unknownVersion(MigrationVersion("7")!)) {
            try runner(database, folder).baseline(through: MigrationVersion("7")!)
        }
    }

    @Test func noTransactionFileResumesAfterTheLastCompletedStatement() async throws {
        let database = try TestPostgres.makeDatabase(label: "resume")
        let broken = "-- pglive:no-transaction\nCREATE TABLE a (id int);\nCREATE INDEX CONCURRENTLY a_idx ON a (id);\nINSERT INTO nope VALUES (1);\n"
        let folder = try TemporaryMigrationFolder(["0001_a.sql": broken])
        #expect(throws: MigrationError.self) { try runner(database, folder).up() }
        let status = try #require(try runner(database, folder).status().first)
        #expect(status.state == .failed)
        #expect(status.record?.statementsDone == 2)

        try folder.write("0001_a.sql", broken.replacingOccurrences(of: "INSERT INTO nope", with: "INSERT INTO a"))
        let steps = try runner(database, folder).up()
        #expect(steps.map(\.statementsDone) == [2])
        #expect(try runner(database, folder).status().map(\.state) == [.applied])
        #expect(try database.connect().query("SELECT count(*) AS n FROM a").rows[0].decode("n", as: Int.self) == 1)
    }

    @Test func repairClearsAFailedRun() async throws {
        let database = try TestPostgres.makeDatabase(label: "repair")
        let folder = try TemporaryMigrationFolder(["0001_a.sql": "SELECT 1/0;\n"])
        #expect(throws: MigrationError.self) { try runner(database, folder).up() }
        #expect(throws: MigrationError.notApplied(MigrationVersion("1")!)) {
            try runner(database, folder).acceptChecksum(of: MigrationVersion("1")!)
        }
        try runner(database, folder).clearFailure(of: MigrationVersion("1")!)
        #expect(try runner(database, folder).status().map(\.state) == [.pending])
        #expect(throws: MigrationError.notFailed(MigrationVersion("1")!)) {
            try runner(database, folder).clearFailure(of: MigrationVersion("1")!)
        }
    }

    @Test func invalidFilesAreRefusedBeforeAnythingRuns() async throws {
        let database = try TestPostgres.makeDatabase(label: "invalid")
        let folder = try TemporaryMigrationFolder([
            "0001_a.sql": "CREATE TABLE a (id int);\n", "0002_b.sql": "BEGIN;\nCREATE TABLE b (id int);\nCOMMIT;\n",
        ])
        #expect(throws: MigrationError.self) { try runner(database, folder).up() }
        #expect(try !exists("a", in: try database.connect()))
    }
}
