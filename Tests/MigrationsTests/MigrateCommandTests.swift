import Foundation
import Migrations
import PostgresLibPQ
import PostgresTestSupport
import Testing

/// The built `pglive migrate` binary, run as separate processes against a real PostgreSQL.
@Suite struct MigrateCommandTests {
    private func migrate(_ database: TestDatabase, _ folder: TemporaryMigrationFolder, _ arguments: [String]) -> [String] {
        ["migrate", "--database-url", database.url, "--dir", folder.path, "--lock-timeout", "60"] + arguments
    }

    private func count(_ sql: String, in database: TestDatabase) throws -> Int {
        try database.connect().query(sql).rows[0].decode(0, as: Int.self)
    }

    @Test func twoProcessesStartedTogetherApplyEachFileOnce() async throws {
        let database = try TestPostgres.makeDatabase(label: "twoprocesses")
        let folder = try TemporaryMigrationFolder([
            "0001_log.sql": "CREATE TABLE applied_log (file text);\nSELECT pg_sleep(0.3);\nINSERT INTO applied_log VALUES ('0001');\n",
            "0002_a.sql": "CREATE TABLE a (id int);\nINSERT INTO applied_log VALUES ('0002');\n",
            "0003_b.sql": "CREATE TABLE b (id int);\nINSERT INTO applied_log VALUES ('0003');\n",
        ])
        let first = try PGLiveProcess(migrate(database, folder, ["up"]))
        let second = try PGLiveProcess(migrate(database, folder, ["up"]))
        #expect(try await first.exitStatus() == 0, "\(first.stderr)")
        #expect(try await second.exitStatus() == 0, "\(second.stderr)")
        #expect(try count("SELECT count(*) FROM applied_log", in: database) == 3)
        #expect(try count("SELECT count(DISTINCT file) FROM applied_log", in: database) == 3)
        #expect(try count("SELECT count(*) FROM pglive.schema_migrations WHERE success", in: database) == 3)
        let applied = (first.stdout + second.stdout).split(separator: "\n").filter { $0.hasPrefix("applied ") }
        #expect(applied.count == 3)
    }

    @Test func concurrentIndexBuildFinishesWhileASecondRunWaitsForTheLock() async throws {
        let database = try TestPostgres.makeDatabase(label: "concurrently")
        let folder = try TemporaryMigrationFolder([
            "0001_items.sql": "CREATE TABLE items (id int);\n",
            "0002_items_index.sql": "-- pglive:no-transaction\nCREATE INDEX CONCURRENTLY items_id_idx ON items (id);\n",
        ])
        try MigrationRunner(connection: try database.connect(), folder: try folder.load()).up(to: MigrationVersion("1"))
        let gate = try database.connect()
        try gate.execute("BEGIN; INSERT INTO items VALUES (1)")
        let observer = try database.connect()

        let first = try PGLiveProcess(migrate(database, folder, ["up"]))
        try await Deadline.waitUntil("CREATE INDEX CONCURRENTLY to wait for the open transaction") {
            try !observer.query("""
                SELECT 1 FROM pg_stat_activity
                WHERE datname = current_database() AND query LIKE 'CREATE INDEX CONCURRENTLY%' AND wait_event_type = 'Lock'
                """).rows.isEmpty
        }
        let holder: Int32 = try observer.query("""
            SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'CREATE INDEX CONCURRENTLY%'
            """).rows[0].decode("pid")
        let second = try PGLiveProcess(migrate(database, folder, ["up"]))
        try await Deadline.waitUntil("the second run to wait for the lock") { second.stderr.contains("waiting for the migration lock") }
        #expect(second.stderr.contains("held by pid \(holder) (pglive migrate)"))

        try gate.execute("COMMIT")
        #expect(try await first.exitStatus() == 0, "\(first.stderr)")
        #expect(try await second.exitStatus() == 0, "\(second.stderr)")
        #expect(first.stdout.contains("applied 0002_items_index.sql"))
        #expect(second.stdout.contains("nothing to apply"))
        #expect(try count("SELECT count(*) FROM pg_index WHERE indexrelid = 'items_id_idx'::regclass AND indisvalid", in: database) == 1)
    }

    @Test func failedStatementExitsOneWithAOneLineMessage() async throws {
        let database = try TestPostgres.makeDatabase(label: "clifailure")
        let folder = try TemporaryMigrationFolder([
            "0001_broken.sql": "CREATE TABLE first_table (id int);\nSELECT * FROM missing_table;\n",
        ])
        let result = try await PGLiveProcess.run(migrate(database, folder, ["up"]))
        #expect(result.status == 1)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(lines.first?.contains("0001_broken.sql:2: up statement 2 failed: 42P01") == true, "\(result.stderr)")
        #expect(try count("SELECT count(*) FROM pg_class WHERE relname = 'first_table'", in: database) == 0)

        let status = try await PGLiveProcess.run(migrate(database, folder, ["status", "--exit-code", "--json"]))
        #expect(status.status == 3)
        let json = try JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [String: Any]
        let entries = json?["migrations"] as? [[String: Any]]
        #expect(entries?.first?["state"] as? String == "failed")
    }

    @Test func refusalsAndUsageErrorsHaveTheirOwnExitStatus() async throws {
        let database = try TestPostgres.makeDatabase(label: "cliexit")
        let folder = try TemporaryMigrationFolder(["0001_a.sql": "CREATE TABLE a (id int);\n"])
        #expect(try await PGLiveProcess.run(migrate(database, folder, ["up"])).status == 0)
        let down = try await PGLiveProcess.run(migrate(database, folder, ["down"]))
        #expect(down.status == 2)
        #expect(down.stderr.contains("0001_a.sql has no statements after '-- migrate:down'"))
        #expect(try await PGLiveProcess.run(migrate(database, folder, ["up", "--to", "x1"])).status == 64)
        #expect(try await PGLiveProcess.run(migrate(database, folder, ["status", "--exit-code"])).status == 0)
        let unreachable = try await PGLiveProcess.run(
            ["migrate", "--database-url", "postgresql://nobody@127.0.0.1:1/none", "--dir", folder.path, "status"])
        #expect(unreachable.status == 5)
        #expect(unreachable.stderr.split(separator: "\n").count == 1)
    }
}
