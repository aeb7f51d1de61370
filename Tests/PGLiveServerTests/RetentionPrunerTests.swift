import PostgresLibPQ
import PostgresTestSupport
import Testing

/// `pglive serve` deletes events past their topic's retention by itself, round after
/// round, and counts them on `/metrics`.
@Suite struct RetentionPrunerTests {
    @Test func theServerPrunesExpiredEventsInRoundsAndCountsThem() async throws {
        let database = try await blocking {
            let database = try TestPostgres.makeMigratedDatabase(label: "pruner")
            let connection = try database.connect()
            try connection.execute("CREATE TABLE aged (id int)")
            try connection.query("SELECT pglive.publish_table('aged', retention => '1 hour')")
            // 3 rows in a chunk and 300 one row per event, then 1 within retention.
            try connection.query("INSERT INTO aged SELECT generate_series(1, 3)")
            try connection.query("INSERT INTO aged SELECT generate_series(4, 303)")
            try connection.query("UPDATE pglive.transactions SET committed_at = committed_at - interval '2 hours'")
            try connection.query("INSERT INTO aged VALUES (304)")
            return database
        }

        let server = try await TestServer(database: database) { $0.pruneInterval = .milliseconds(200) }
        try await Self.waitForPrunedTotal(303, port: server.httpPort)
        let left = { (sql: String) in try await server.sql(sql)[0].decode("n", as: Int64.self) }
        #expect(try await left("SELECT pruned_through AS n FROM pglive.topics WHERE name = 'aged'") == 303)
        #expect(try await left("SELECT count(*) AS n FROM pglive.event_log") == 1)

        // A later round prunes what expired since.
        try await server.sql("UPDATE pglive.transactions SET committed_at = committed_at - interval '2 hours'")
        try await Self.waitForPrunedTotal(304, port: server.httpPort)
        #expect(try await left("SELECT count(*) AS n FROM pglive.event_log") == 0)
        await server.stop()
    }

    private static func waitForPrunedTotal(_ total: Double, port: Int) async throws {
        try await Deadline.waitUntil("pglive_events_pruned_total to reach \(total)") {
            try PrometheusExposition(try await RawHTTP.get("/metrics", port: port).body).value("pglive_events_pruned_total") == total
        }
    }
}
