import Foundation
@testable import PGLiveServer
import PostgresTestSupport
import Testing

/// `GET /readyz` on a real server: ready once the feed listens and the schema is current,
/// 503 with a reason otherwise.
@Suite struct ReadinessTests {
    @Test func readyOnceTheFeedListensAndNotReadyWhenMigrationsAreBehind() async throws {
        let database = try await blocking { try TestPostgres.makeMigratedDatabase(label: "readiness") }
        let server = try await TestServer(database: database)
        var answer = RawHTTP.Response(status: 0, head: "", body: "")
        try await Deadline.waitUntil("the server to be ready") {
            answer = try await RawHTTP.get("/readyz", port: server.httpPort)
            return answer.status == 200
        }
        #expect(answer.body == #"{"status":"ready"}"#)
        _ = try await blocking {
            try database.connect().query("DELETE FROM pglive.schema_migrations WHERE version = $1", [Readiness.requiredSchemaVersion])
        }
        let behind = try await RawHTTP.get("/readyz", port: server.httpPort)
        #expect(behind.status == 503)
        #expect(behind.body.contains("migrations are not current: the database is at version \(Readiness.requiredSchemaVersion - 1)"))
        #expect(try await RawHTTP.get("/healthz", port: server.httpPort).status == 200, "alive even when not ready")
    }

    @Test func notReadyWhileTheListenerIsDownAndReadyAgainAfterCatchUp() async throws {
        let database = try await blocking { try TestPostgres.makeMigratedDatabase(label: "readinessflip") }
        let server = try await TestServer(database: database)
        try await Deadline.waitUntil("the server to be ready") {
            try await RawHTTP.get("/readyz", port: server.httpPort).status == 200
        }
        var answer = RawHTTP.Response(status: 0, head: "", body: "")
        try await Deadline.waitUntil("/readyz to report the lost listener") {
            // Terminate the LISTEN backend (again, if it came back before /readyz looked).
            _ = try await blocking {
                try database.connect().query(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND query ILIKE 'LISTEN%'",
                    [database.name])
            }
            answer = try await RawHTTP.get("/readyz", port: server.httpPort)
            return answer.status == 503
        }
        #expect(answer.body.contains("the LISTEN connection to the database is down") || answer.body.contains("the change feed is catching up"))
        _ = try await blocking { try database.connect().execute("SELECT pglive.create_topic('flip'); SELECT pglive.publish('flip', '{}'::jsonb)") }
        try await Deadline.waitUntil("the server to be ready again after catching up") {
            try await RawHTTP.get("/readyz", port: server.httpPort).status == 200
        }
    }

    @Test func theRequiredSchemaVersionIsTheNewestMigrationFile() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("migrations")
        let versions = try FileManager.default.contentsOfDirectory(atPath: folder.path).compactMap { name in
            Int64(name.prefix { $0.isNumber })
        }
        #expect(versions.max() == Readiness.requiredSchemaVersion)
    }
}
