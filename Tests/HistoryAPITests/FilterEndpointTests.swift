import Foundation
import HistoryAPI
import HummingbirdTesting
import PostgresLibPQ
import PostgresTestSupport
import Testing

/// Row filters on each operator and column type, over both endpoints, and hostile input.
@Suite struct FilterEndpointTests {
    let database: TestDatabase

    init() throws {
        database = try TestPostgres.makeMigratedDatabase(label: "historyfilters")
        let setup = try database.connect()
        try setup.execute("""
            CREATE TABLE things (id int PRIMARY KEY, name text, qty numeric, ok boolean, seen timestamptz, note text);
            SELECT pglive.publish_table('things');
            INSERT INTO things VALUES
                (1, 'apple', 5, true, '2026-01-01T00:00:00Z', NULL),
                (2, 'pear, ripe', 10.5, false, '2026-06-01T12:00:00Z', 'x'),
                (3, 'apricot', -2, NULL, NULL, ''),
                (4, 'O''Brien "q"', 100, true, '2026-12-31T23:59:59.5Z', 'it''s'),
                (5, 'żółw', 0, false, '2025-01-01T00:00:00+02:00', 'unicode ✓');
            """)
    }

    @Test(arguments: [
        ("name=eq.apple", [1]),
        ("name=neq.apple", [2, 3, 4, 5]),
        ("qty=gt.5", [2, 4]),
        ("qty=gte.5", [1, 2, 4]),
        ("qty=lt.0", [3]),
        ("qty=lte.0", [3, 5]),
        ("qty=eq.10.50", [2]),
        ("ok=is.true", [1, 4]),
        ("ok=is.false", [2, 5]),
        ("ok=is.null", [3]),
        ("ok=eq.true", [1, 4]),
        ("note=is.null", [1]),
        ("note=not.is.null", [2, 3, 4, 5]),
        ("note=eq.", [3]),
        ("seen=gt.2026-03-01T00:00:00Z", [2, 4]),
        ("seen=lt.2025-01-01T00:00:00Z", [5]),
        ("name=in.(apple,\"pear, ripe\")", [1, 2]),
        ("name=not.in.(apple,apricot)", [2, 4, 5]),
        ("name=like.ap*", [1, 3]),
        ("name=like.*\"q\"", [4]),
        ("name=eq.żółw", [5]),
        ("name=eq.O'Brien \"q\"", [4]),
        ("name=eq.' OR 1=1 --", []),
        ("name=eq.x'); DROP TABLE things; --", []),
        ("qty=gt.5&ok=is.true", [4]),
    ])
    func rowsAndEventsSelectTheSameRows(filter: String, ids: [Int]) async throws {
        let query = filter.split(separator: "&").map { condition in
            let equals = condition.firstIndex(of: "=")!
            return "\(encoded(String(condition[..<equals])))=\(encoded(String(condition[condition.index(after: equals)...])))"
        }.joined(separator: "&")
        try await HistoryTestServer(database: database).run { client in
            let rows = try await client.get("/api/v1/topics/things/rows?\(query)")
            #expect(rows.status == .ok, "\(filter): \(rows.text)")
            #expect(try (rows.json["data"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? Int } == ids, "\(filter)")
            let events = try await client.get("/api/v1/topics/things/events?\(query)")
            #expect(events.status == .ok, "\(filter): \(events.text)")
            let eventIDs = try (events.json["data"] as? [[String: Any]] ?? []).compactMap { ($0["row"] as? [String: Any])?["id"] as? Int }
            #expect(eventIDs == ids, "\(filter)")
        }
        #expect(try database.connect().query("SELECT count(*) AS n FROM things").rows[0].decode("n", as: Int64.self) == 5)
    }

    @Test(arguments: [
        "name'%20OR%201=1--=eq.x", "name=approx.x", "=eq.1", "name=in.(a", "qty=gt", "name",
    ])
    func malformedConditionsAreRefused(query: String) async throws {
        try await HistoryTestServer(database: database).run { client in
            let response = try await client.get("/api/v1/topics/things/rows?\(query)")
            #expect(response.status == .badRequest || response.status == .notFound, "\(query): \(response.text)")
            #expect(["invalid_filter", "unknown_column"].contains(response.errorCode ?? ""), "\(query): \(response.text)")
            #expect(!response.text.contains("SELECT"), "no SQL in errors")
        }
    }
}
