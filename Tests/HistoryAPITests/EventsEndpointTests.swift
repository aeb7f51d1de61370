import Foundation
import HistoryAPI
import HummingbirdTesting
import PostgresLibPQ
import PostgresTestSupport
import Testing

@Suite struct EventsEndpointTests {
    let database: TestDatabase

    init() throws {
        database = try TestPostgres.makeMigratedDatabase(label: "historyevents")
        let setup = try database.connect()
        try setup.execute("CREATE TABLE items (id int PRIMARY KEY, v text)")
        try setup.query("SELECT pglive.publish_table('items')")
    }

    private func logPositions(topic: String) throws -> [Int64] {
        try database.connect().query("SELECT position FROM pglive.event_log WHERE topic = $1 ORDER BY position", [topic])
            .rows.map { try $0.decode(0, as: Int64.self) }
    }

    @Test func pagingWithLimit137ReturnsEveryEventOnceInOrderWhileWritersAdd() async throws {
        let writer = try database.connect()
        for batch in 0..<10 {
            try writer.query("INSERT INTO items SELECT g, 'v' || g FROM generate_series($1::int, $2::int) g", [batch * 1000 + 1, batch * 1000 + 1000])
        }
        let database = self.database
        let seen = try await HistoryTestServer(database: database).run { client in
            let writing = Task {
                let connection = try database.connect()
                var id = 20_000
                while !Task.isCancelled {
                    try connection.query("INSERT INTO items VALUES ($1, 'late'), ($2, 'late')", [id, id + 1])
                    id += 2
                    try await Task.sleep(for: .milliseconds(2))
                }
            }
            var positions: [Int64] = []
            var cursor: String?
            while true {
                let uri = "/api/v1/topics/items/events?limit=137" + (cursor.map { "&cursor=\(encoded($0))" } ?? "")
                let response = try await client.get(uri)
                #expect(response.status == .ok)
                let page = try response.json
                let data = try #require(page["data"] as? [[String: Any]])
                #expect(data.count <= 137)
                positions += data.compactMap { ($0["position"] as? NSNumber)?.int64Value }
                cursor = try #require(page["next_cursor"] as? String, "an open range always continues")
                if positions.count >= 10_000, !writing.isCancelled {
                    writing.cancel()
                    _ = await writing.result
                }
                if data.isEmpty && writing.isCancelled { break }
            }
            return positions
        }
        let expected = try logPositions(topic: "items")
        #expect(expected.count > 10_000)
        #expect(seen == expected)
    }

    @Test func refusesTamperedForeignAndOversizedRequests() async throws {
        try database.connect().query("INSERT INTO items SELECT g, 'v' FROM generate_series(1, 10) g")
        try await HistoryTestServer(database: database, configuration: .init(maxLimit: 50)).run { client in
            let first = try await client.get("/api/v1/topics/items/events?limit=3")
            let cursor = try #require(try first.json["next_cursor"] as? String)
            let next = try await client.get("/api/v1/topics/items/events?limit=3&cursor=\(cursor)")
            #expect(next.status == .ok)
            #expect(try (next.json["data"] as? [[String: Any]])?.first?["position"] as? Int == 4)

            var tampered = Array(cursor)
            tampered[tampered.count / 2] = tampered[tampered.count / 2] == "A" ? "B" : "A"
            let altered = try await client.get("/api/v1/topics/items/events?limit=3&cursor=\(String(tampered))")
            #expect(altered.status == .badRequest && altered.errorCode == "invalid_cursor")

            let foreign = try await client.get("/api/v1/topics/items/events?limit=3&op=eq.INSERT&cursor=\(cursor)")
            #expect(foreign.status == .badRequest && foreign.errorCode == "invalid_cursor")

            let tooMany = try await client.get("/api/v1/topics/items/events?limit=51")
            #expect(tooMany.status == .badRequest && tooMany.errorCode == "limit_too_high")
            #expect(try await client.get("/api/v1/topics/items/events?limit=50").status == .ok)

            let unknown = try await client.get("/api/v1/topics/nothing/events")
            #expect(unknown.status == .notFound && unknown.errorCode == "unknown_topic")
            let column = try await client.get("/api/v1/topics/items/events?colour=eq.red")
            #expect(column.status == .notFound && column.errorCode == "unknown_column")
            let accept = try await client.get("/api/v1/topics/items/events", accept: "image/png")
            #expect(accept.status == .notAcceptable && accept.errorCode == "not_acceptable")
            let time = try await client.get("/api/v1/topics/items/events?from-time=yesterday")
            #expect(time.status == .badRequest && time.text.contains("from-time"))
        }
    }

    @Test func descendingPagesCloseAndFullPagesCarryAnETagAnsweredWith304() async throws {
        try database.connect().query("INSERT INTO items SELECT g, 'v' FROM generate_series(1, 5) g")
        try await HistoryTestServer(database: database).run { client in
            let newest = try await client.get("/api/v1/topics/items/events?order=desc&limit=2")
            #expect(newest.headers[.eTag] == nil, "the newest page changes as events arrive")
            let cursor = try #require(try newest.json["next_cursor"] as? String)
            let older = try await client.get("/api/v1/topics/items/events?order=desc&limit=2&cursor=\(cursor)")
            #expect(try (older.json["data"] as? [[String: Any]])?.map { $0["position"] as? Int } == [3, 2])
            let etag = try #require(older.headers[.eTag])
            let again = try await client.get(
                "/api/v1/topics/items/events?order=desc&limit=2&cursor=\(cursor)", headers: [.ifNoneMatch: etag])
            #expect(again.status == .notModified)
            let last = try await client.get("/api/v1/topics/items/events?order=desc&limit=2&cursor=\(try #require(try older.json["next_cursor"] as? String))")
            #expect(try (last.json["data"] as? [[String: Any]])?.count == 1)
            #expect(try last.json["next_cursor"] is NSNull, "a closed range ends")
            let open = try await client.get("/api/v1/topics/items/events?after=5")
            #expect(try open.json["next_cursor"] is String, "an open range can be followed")
            #expect(open.headers[.eTag] == nil)
        }
    }

    @Test func timeAndOperationFiltersSelectTheLogsEvents() async throws {
        let writer = try database.connect()
        try writer.query("INSERT INTO items VALUES (1, 'a'), (2, 'b')")
        let middle = try writer.query("SELECT pglive.rfc3339(clock_timestamp()) AS t").rows[0].decode("t", as: String.self)
        try writer.query("UPDATE items SET v = 'c' WHERE id = 1")
        try writer.query("DELETE FROM items WHERE id = 2")
        try await HistoryTestServer(database: database).run { client in
            func ops(_ query: String) async throws -> [String] {
                let response = try await client.get("/api/v1/topics/items/events?\(query)")
                #expect(response.status == .ok, "\(query): \(response.text)")
                return try (response.json["data"] as? [[String: Any]] ?? []).compactMap { $0["op"] as? String }
            }
            let found0 = try await ops("from-time=\(encoded(middle))")
            #expect(found0 == ["UPDATE", "DELETE"])
            let found1 = try await ops("to-time=\(encoded(middle))")
            #expect(found1 == ["INSERT", "INSERT"])
            let found2 = try await ops("op=in.(UPDATE,DELETE)")
            #expect(found2 == ["UPDATE", "DELETE"])
            let found3 = try await ops("op=eq.INSERT&v=eq.b")
            #expect(found3 == ["INSERT"])
            let found4 = try await ops("after=1&before=4")
            #expect(found4 == ["INSERT", "UPDATE"])
        }
    }

    @Test func countsOnlyWhenAskedExactlyOrByEstimate() async throws {
        try database.connect().query("INSERT INTO items SELECT g, CASE WHEN g % 2 = 0 THEN 'even' ELSE 'odd' END FROM generate_series(1, 10) g")
        try await HistoryTestServer(database: database).run { client in
            let plain = try await client.get("/api/v1/topics/items/events?limit=3")
            #expect(plain.headers[.contentRange] == nil)
            let exact = try await client.get("/api/v1/topics/items/events?limit=3&v=eq.even", headers: [.init("Prefer")!: "count=exact"])
            #expect(exact.headers[.contentRange] == "0-2/5")
            #expect(exact.headers[.init("Preference-Applied")!] == "count=exact")
            let cursor = try #require(try exact.json["next_cursor"] as? String)
            let next = try await client.get(
                "/api/v1/topics/items/events?limit=3&v=eq.even&cursor=\(cursor)", headers: [.init("Prefer")!: "count=exact"])
            #expect(next.headers[.contentRange] == "*/5")
            let estimated = try await client.get("/api/v1/topics/items/events?limit=3", headers: [.init("Prefer")!: "count=estimated"])
            #expect(estimated.headers[.contentRange]?.hasPrefix("0-2/") == true)
            #expect(estimated.headers[.init("Preference-Applied")!] == "count=estimated")
            let rows = try await client.get("/api/v1/topics/items/rows?limit=4&v=eq.odd", headers: [.init("Prefer")!: "count=exact"])
            #expect(rows.headers[.contentRange] == "0-3/5")
        }
    }
}
