import Foundation
import HistoryAPI
import HummingbirdTesting
import PostgresLibPQ
import PostgresTestSupport
import Testing

@Suite struct RowsEndpointTests {
    let database: TestDatabase

    init() throws {
        database = try TestPostgres.makeMigratedDatabase(label: "historyrows")
        let setup = try database.connect()
        try setup.execute("""
            CREATE TABLE accounts (id int PRIMARY KEY, owner text NOT NULL, balance int NOT NULL);
            CREATE INDEX ON accounts (balance);
            SELECT pglive.publish_table('accounts');
            INSERT INTO accounts SELECT g, 'o' || g, g % 50 FROM generate_series(1, 500) g;
            """)
    }

    @Test func keysetPagesInAnyIndexedOrderVisitEveryRowOnce() async throws {
        try await HistoryTestServer(database: database).run { client in
            for order in ["", "&order=balance.desc", "&order=balance.asc&select=id,balance"] {
                var ids: [Int] = []
                var balances: [Int] = []
                var cursor: String?
                repeat {
                    let response = try await client.get("/api/v1/topics/accounts/rows?limit=37\(order)" + (cursor.map { "&cursor=\($0)" } ?? ""))
                    #expect(response.status == .ok, "\(response.text)")
                    #expect(response.headers[values: .init("Stream-Position")!].count == 1)
                    let data = try response.json["data"] as? [[String: Any]] ?? []
                    ids += data.compactMap { $0["id"] as? Int }
                    balances += data.compactMap { $0["balance"] as? Int }
                    cursor = try response.json["next_cursor"] as? String
                } while cursor != nil
                #expect(ids.sorted() == Array(1...500), "\(order)")
                if order.contains("desc") { #expect(balances == balances.sorted(by: >)) }
                if order.contains("select") {
                    let first = try await client.get("/api/v1/topics/accounts/rows?limit=1\(order)")
                    #expect(try (first.json["data"] as? [[String: Any]])?.first?.keys.sorted() == ["balance", "id"])
                }
            }
        }
    }

    @Test func theSnapshotAndTheEventsAfterItsStreamPositionMakeTheFinalTableExactly() async throws {
        let database = self.database
        try await HistoryTestServer(database: database).run { client in
            let writers = (0..<2).map { writer in
                Task {
                    let connection = try database.connect()
                    for step in 0..<150 {
                        let id = 1000 + writer * 1000 + step
                        try connection.transaction { connection in
                            try connection.query("INSERT INTO accounts VALUES ($1, 'new', 1)", [id])
                            try connection.query("UPDATE accounts SET balance = balance + 1 WHERE id = $1", [step % 500 + 1])
                            try connection.query("DELETE FROM accounts WHERE id = $1", [writer * 250 + step + 1])
                        }
                    }
                }
            }
            try await Task.sleep(for: .milliseconds(50))
            let snapshot = try await client.get("/api/v1/topics/accounts/rows", accept: "application/x-ndjson")
            let position = try #require(snapshot.headers[.init("Stream-Position")!])
            for writer in writers { try await writer.value }
            var table: [Int: String] = [:]
            for line in snapshot.text.split(separator: "\n") {
                let row = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
                table[try #require(row["id"] as? Int)] = String(line)
            }
            let events = try await client.get("/api/v1/topics/accounts/events?after=\(position)", accept: "application/x-ndjson")
            for line in events.text.split(separator: "\n") {
                let event = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
                let row = try #require(event["row"] as? [String: Any])
                let id = try #require(row["id"] as? Int)
                let text = String(data: try JSONSerialization.data(withJSONObject: row, options: [.sortedKeys]), encoding: .utf8)!
                switch event["op"] as? String {
                case "INSERT":
                    #expect(table[id] == nil, "row \(id) inserted after the snapshot was already in it")
                    table[id] = text
                case "UPDATE": table[id] = text
                case "DELETE": table[id] = nil
                default: Issue.record("unexpected event \(line)")
                }
            }
            let final = try database.connect().query("SELECT id, to_jsonb(a)::text AS row FROM accounts a").rows
            #expect(Set(table.keys) == Set(try final.map { Int(try $0.decode("id", as: Int32.self)) }))
            for row in final {
                let id = Int(try row.decode("id", as: Int32.self))
                let expected = try JSONSerialization.jsonObject(with: Data(try row.decode("row", as: String.self).utf8)) as? NSDictionary
                let actual = try JSONSerialization.jsonObject(with: Data(table[id]!.utf8)) as? NSDictionary
                #expect(expected == actual, "row \(id)")
            }
        }
    }

    @Test func applicationTopicsHaveNoRows() async throws {
        try database.connect().query("SELECT pglive.create_topic('chat')")
        try await HistoryTestServer(database: database).run { client in
            let response = try await client.get("/api/v1/topics/chat/rows")
            #expect(response.status == .notFound && response.errorCode == "unknown_topic")
            let catalogue = try await client.get("/api/v1/topics")
            let topics = try catalogue.json["data"] as? [[String: Any]] ?? []
            #expect(topics.compactMap { $0["name"] as? String } == ["accounts", "chat"])
            let accounts = try #require(topics.first)
            #expect(accounts["source_table"] as? String == "accounts")
            #expect((accounts["columns"] as? [[String: Any]])?.compactMap { $0["type"] as? String } == ["integer", "text", "integer"])
            #expect(accounts["oldest_position"] as? Int == 1 && accounts["newest_position"] as? Int == 500)
            #expect(topics.last?["oldest_position"] is NSNull)
        }
    }
}
