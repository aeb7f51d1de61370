import ChangeFeed
import Foundation
import PostgresLibPQ
import PostgresTestSupport
import Testing

/// The SQL API: publishing tables and application events.
@Suite struct PublishingTests {
    let database: TestDatabase

    init() throws {
        database = try TestPostgres.makeMigratedDatabase(label: "publishing")
    }

    @Test func publishTableIsIdempotentAndNamesTheTopicAfterTheTable() throws {
        let connection = try database.connect()
        try connection.execute("CREATE SCHEMA sales; CREATE TABLE sales.orders (id int PRIMARY KEY); CREATE TABLE readings (id int)")
        #expect(try connection.query("SELECT pglive.publish_table('sales.orders') AS t").rows[0].decode("t", as: String.self) == "sales.orders")
        #expect(try connection.query("SELECT pglive.publish_table('sales.orders') AS t").rows[0].decode("t", as: String.self) == "sales.orders")
        #expect(try connection.query("SELECT pglive.publish_table('readings', topic => 'sensors') AS t").rows[0].decode("t", as: String.self) == "sensors")
        let topics = try connection.query("SELECT name, kind, key_columns::text AS keys FROM pglive.topics ORDER BY name").rows
        #expect(try topics.map { try $0.decode("name", as: String.self) } == ["sales.orders", "sensors"])
        #expect(try topics[0].decode("keys", as: String.self) == "{id}")
        let triggers = try connection.query("SELECT count(*) AS n FROM pg_trigger WHERE tgname LIKE 'pglive_capture_%'").rows[0]
        #expect(try triggers.decode("n", as: Int.self) == 6)
        let error = try #require(throws: PostgresError.self) {
            try connection.query("SELECT pglive.publish_table('readings', topic => 'Bad Name')")
        }
        #expect(error.message.contains("invalid topic name"))
    }

    @Test(arguments: [false, true])
    func columnsNamedLikeTheCaptureFunctionsOwnNamesAreCapturedAsTheRow(keepOld: Bool) throws {
        let connection = try database.connect()
        let table = keepOld ? "named_kept" : "named"
        try connection.execute("CREATE TABLE \(table) (id int PRIMARY KEY, first int, r text, tx int, used int, captured int, ord int, bytes int)")
        try connection.query("SELECT pglive.publish_table($1, keep_old => $2)", [table, keepOld])
        try connection.transaction { connection in
            try connection.query("INSERT INTO \(table) VALUES (1, 2, 'x', 3, 4, 5, 6, 8), (2, 2, 'y', 3, 4, 5, 6, 8)")
            try connection.query("UPDATE \(table) SET first = 7 WHERE id = 1")
            try connection.query("DELETE FROM \(table) WHERE id = 2")
        }
        let events = try EventLog.events(after: 0, topic: table, limit: 10, on: connection)
        #expect(events.map(\.operation) == [.insert, .insert, .update, .delete])
        #expect(events.map(\.row) == [
            #"{"r": "x", "id": 1, "tx": 3, "ord": 6, "used": 4, "bytes": 8, "first": 2, "captured": 5}"#,
            #"{"r": "y", "id": 2, "tx": 3, "ord": 6, "used": 4, "bytes": 8, "first": 2, "captured": 5}"#,
            #"{"r": "x", "id": 1, "tx": 3, "ord": 6, "used": 4, "bytes": 8, "first": 7, "captured": 5}"#,
            #"{"r": "y", "id": 2, "tx": 3, "ord": 6, "used": 4, "bytes": 8, "first": 2, "captured": 5}"#,
        ])
        #expect(events.map(\.position) == Array(events[0].position...(events[0].position + 3)))
    }

    @Test func unpublishingStopsCapture() throws {
        let connection = try database.connect()
        try connection.execute("CREATE TABLE t (id int)")
        try connection.query("SELECT pglive.publish_table('t')")
        try connection.query("INSERT INTO t VALUES (1)")
        try connection.query("SELECT pglive.unpublish_table('t')")
        try connection.query("INSERT INTO t VALUES (2)")
        #expect(try EventLog.events(after: 0, limit: 10, on: connection).count == 1)
    }

    @Test func keepOldRecordsTheRowBeforeAnUpdate() throws {
        let connection = try database.connect()
        try connection.execute("CREATE TABLE accounts (id int PRIMARY KEY, balance int)")
        try connection.query("SELECT pglive.publish_table('accounts', keep_old => true)")
        try connection.query("INSERT INTO accounts VALUES (1, 10)")
        try connection.query("UPDATE accounts SET balance = 20")
        let update = try EventLog.events(after: 0, limit: 10, on: connection)[1]
        #expect(update.operation == .update)
        #expect(update.row == #"{"id": 1, "balance": 20}"#)
        #expect(update.oldRow == #"{"id": 1, "balance": 10}"#)
    }

    @Test func applicationEventsKeepBinaryBodiesContentTypeAndHeaders() throws {
        let connection = try database.connect()
        try connection.query("SELECT pglive.create_topic('chat.lobby')")
        let body: [UInt8] = [0, 1, 2, 255, 0]
        try connection.query("SELECT pglive.publish('chat.lobby', $1::bytea, 'application/x-thing', $2)",
                             [body, PostgresJSON(#"{"priority": "high"}"#)])
        try connection.query("SELECT pglive.publish('chat.lobby', $1::jsonb)", [PostgresJSON(#"{"text": "hi"}"#)])
        let events = try EventLog.events(after: 0, topic: "chat.lobby", limit: 10, on: connection)
        #expect(events[0].operation == .event)
        #expect(events[0].payload == body)
        #expect(events[0].payloadContentType == "application/x-thing")
        #expect(events[0].headers == #"{"priority": "high"}"#)
        #expect(events[1].payload == Array(#"{"text": "hi"}"#.utf8))
        #expect(events[1].payloadContentType == "application/json")
    }

    @Test func publishingToAnUnknownOrTableTopicIsRefused() throws {
        let connection = try database.connect()
        try connection.execute("CREATE TABLE t (id int)")
        try connection.query("SELECT pglive.publish_table('t')")
        let unknown = try #require(throws: PostgresError.self) {
            try connection.query("SELECT pglive.publish('nope', $1::jsonb)", [PostgresJSON("{}")])
        }
        #expect(unknown.sqlState == "42704")
        #expect(throws: PostgresError.self) {
            try connection.query("SELECT pglive.publish('t', $1::jsonb)", [PostgresJSON("{}")])
        }
    }

    @Test func aOneMebibyteRowArrivesWhole() throws {
        let connection = try database.connect()
        try connection.execute("CREATE TABLE blobs (id int, data text)")
        try connection.query("SELECT pglive.publish_table('blobs')")
        let big = String(repeating: "x", count: 1 << 20)
        try connection.query("INSERT INTO blobs VALUES (1, $1)", [big])
        let event = try #require(try EventLog.events(after: 0, limit: 1, on: connection).first)
        #expect(event.row == #"{"id": 1, "data": ""# + big + #""}"#)
    }
}
