import Foundation
import NIOCore
import NIOPosix
@testable import PGLiveServer
import PostgresTestSupport
import Testing

/// `GET /readyz` on a real server: ready once the feed listens and the schema is current,
/// 503 with a reason otherwise.
@Suite struct ReadinessTests {
    /// One `GET` with `Connection: close`; the whole raw response.
    private func get(_ path: String, port: Int) async throws -> String {
        let inbox = ByteInbox()
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture { try channel.pipeline.syncOperations.addHandler(inbox) }
            }
            .connect(host: "127.0.0.1", port: port).get()
        try await channel.writeAndFlush(ByteBuffer(string: "GET \(path) HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")).get()
        try await channel.closeFuture.get()
        return inbox.text
    }

    @Test func readyOnceTheFeedListensAndNotReadyWhenMigrationsAreBehind() async throws {
        let database = try await blocking { try TestPostgres.makeMigratedDatabase(label: "readiness") }
        let server = try await TestServer(database: database)
        var answer = ""
        try await Deadline.waitUntil("the server to be ready") {
            answer = try await get("/readyz", port: server.httpPort)
            return answer.hasPrefix("HTTP/1.1 200")
        }
        #expect(answer.hasSuffix(#"{"status":"ready"}"#))
        try await blocking {
            try database.connect().query("DELETE FROM pglive.schema_migrations WHERE version = $1", [Readiness.requiredSchemaVersion])
        }
        let behind = try await get("/readyz", port: server.httpPort)
        #expect(behind.hasPrefix("HTTP/1.1 503"))
        #expect(behind.contains("migrations are not current: the database is at version \(Readiness.requiredSchemaVersion - 1)"))
        #expect(try await get("/healthz", port: server.httpPort).hasPrefix("HTTP/1.1 200"), "alive even when not ready")
    }

    @Test func notReadyWhileTheListenerIsDownAndReadyAgainAfterCatchUp() async throws {
        let database = try await blocking { try TestPostgres.makeMigratedDatabase(label: "readinessflip") }
        let server = try await TestServer(database: database)
        try await Deadline.waitUntil("the server to be ready") {
            try await get("/readyz", port: server.httpPort).hasPrefix("HTTP/1.1 200")
        }
        var answer = ""
        try await Deadline.waitUntil("/readyz to report the lost listener") {
            // Terminate the LISTEN backend (again, if it came back before /readyz looked).
            try await blocking {
                try database.connect().query(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND query ILIKE 'LISTEN%'",
                    [database.name])
            }
            answer = try await get("/readyz", port: server.httpPort)
            return answer.hasPrefix("HTTP/1.1 503")
        }
        #expect(answer.contains("the LISTEN connection to the database is down") || answer.contains("the change feed is catching up"))
        try await blocking { try database.connect().execute("SELECT pglive.create_topic('flip'); SELECT pglive.publish('flip', '{}'::jsonb)") }
        try await Deadline.waitUntil("the server to be ready again after catching up") {
            try await get("/readyz", port: server.httpPort).hasPrefix("HTTP/1.1 200")
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
