import ChangeFeed
import Migrations
import PostgresLibPQ
import PostgresTestSupport
import Testing

/// Migration 0007: a statement of up to 256 rows and 64 kB of row data is logged as one
/// `pglive.event_chunks` row; larger statements, application events and old-row UPDATEs
/// stay one `pglive.events` row per event. Readers see one log either way.
@Suite struct EventChunksTests {
    let database: TestDatabase
    let connection: PGConnection

    init() throws {
        database = try TestPostgres.makeMigratedDatabase(label: "chunks")
        connection = try database.connect()
        try connection.execute("CREATE TABLE items (id int PRIMARY KEY, note text)")
        try connection.query("SELECT pglive.publish_table('items')")
        try connection.query("SELECT pglive.create_topic('chat')")
    }

    private func chunks() throws -> [String] {
        try connection.query("SELECT ord || '+' || n || ' ' || op AS c FROM pglive.event_chunks ORDER BY tx, ord")
            .rows.map { try $0.decode("c", as: String.self) }
    }

    private func perEventRows() throws -> Int {
        try connection.query("SELECT count(*) AS n FROM pglive.events").rows[0].decode("n", as: Int.self)
    }

    /// The positions of `topic` between two positions, read as the history API reads them.
    private func positions(of topic: String, after: Int64, before: Int64) throws -> [Int64] {
        try connection.query(
            """
            SELECT tt.first_position + e.ord AS p FROM \(EventLog.SQL.topicEvents(after: "$2::bigint", before: "$3::bigint"))
             WHERE tt.topic = $1 ORDER BY tt.first_position, e.ord
            """, [topic, after, before]
        ).rows.map { try $0.decode("p", as: Int64.self) }
    }

    @Test func smallStatementsAreChunksAndEveryReaderSeesTheirEventsInPositionOrder() throws {
        try connection.transaction { writer in
            try writer.query("INSERT INTO items SELECT g, 'a' FROM generate_series(1, 3) g")          // 1–3, a chunk
            try writer.query("SELECT pglive.publish('chat', '{\"n\":1}'::jsonb)")                    // 4, an event row
            try writer.query("INSERT INTO items SELECT g, 'b' FROM generate_series(4, 260) g")        // 5–261, 257 rows: event rows
            try writer.query("UPDATE items SET note = 'c' WHERE id IN (2, 3)")                       // 262–263, a chunk
            try writer.query("DELETE FROM items WHERE id = 1")                                       // 264, a chunk
        }
        #expect(try chunks() == ["0+3 INSERT", "261+2 UPDATE", "263+1 DELETE"])
        #expect(try perEventRows() == 258)

        let all = try EventLog.events(after: 0, limit: 1000, on: connection)
        #expect(all.map(\.position) == Array(1...264))
        let items = try EventLog.events(after: 0, topic: "items", limit: 1000, on: connection)
        #expect(items.map(\.position) == Array(1...3) + Array(5...264))
        #expect(items.prefix(3).map(\.row) == [1, 2, 3].map { #"{"id": \#($0), "note": "a"}"# })
        #expect(items.suffix(3).map(\.operation) == [.update, .update, .delete])
        #expect(items.suffix(3).map(\.row) == [#"{"id": 2, "note": "c"}"#, #"{"id": 3, "note": "c"}"#, #"{"id": 1, "note": "a"}"#])

        // Reads that start or stop inside a chunk.
        #expect(try EventLog.events(after: 1, topic: "items", limit: 3, on: connection).map(\.position) == [2, 3, 5])
        #expect(try EventLog.events(after: 262, limit: 10, on: connection).map(\.position) == [263, 264])
        #expect(try positions(of: "items", after: 1, before: 6) == [2, 3, 5])
        #expect(try positions(of: "items", after: 261, before: 264) == [262, 263])
        #expect(try positions(of: "items", after: 262, before: 263) == [])
        #expect(try connection.query("SELECT \(EventLog.SQL.newestPosition(of: "'items'")) AS p").rows[0].decode("p", as: Int64.self) == 264)
        #expect(try connection.query("SELECT count(*) AS n FROM pglive.event_log").rows[0].decode("n", as: Int.self) == 264)
    }

    @Test func aStatementOverSixtyFourKilobytesOfRowsIsLoggedOneRowPerEvent() throws {
        // Random hex text, which compression cannot shrink much: 3 rows of 26 kB, then 3 of 4 kB.
        let randomNote = { (kilobytes: Int) in
            "(SELECT string_agg(md5(random()::text || g || x), '') FROM generate_series(1, \(kilobytes * 1000 / 32)) x)"
        }
        try connection.query("INSERT INTO items SELECT g, \(randomNote(26)) FROM generate_series(1, 3) g")
        try connection.query("INSERT INTO items SELECT g, \(randomNote(4)) FROM generate_series(4, 6) g")
        #expect(try chunks() == ["0+3 INSERT"])
        #expect(try perEventRows() == 3)
        let events = try EventLog.events(after: 0, topic: "items", limit: 10, on: connection)
        #expect(events.map(\.position) == Array(1...6))
        #expect(events.allSatisfy { $0.row?.count ?? 0 > 3_000 })
    }

    @Test func pruningDeletesAChunkWholeAndRecordsItsLastPosition() throws {
        try connection.query("SELECT pglive.publish_table('items', retention => '1 hour')")
        try connection.query("INSERT INTO items SELECT g, 'a' FROM generate_series(1, 4) g")
        try connection.query("INSERT INTO items VALUES (5, 'b')")
        try connection.query("UPDATE pglive.transactions SET committed_at = committed_at - interval '2 hours' WHERE first_position = 1")
        #expect(try EventLog.prune(batchSize: 1, on: connection) == 4)
        #expect(try EventLog.prune(batchSize: 1, on: connection) == 0)
        #expect(try chunks() == ["0+1 INSERT"])
        #expect(throws: EventLogError.pruned(topic: "items", requested: "position 3", oldestRetained: 5)) {
            try EventLog.startPosition(for: .after(3), topic: "items", on: connection)
        }
        #expect(try EventLog.startPosition(for: .after(4), topic: "items", on: connection) == 4)
    }

    @Test func droppingATablesHistoryDeletesItsChunks() throws {
        try connection.query("INSERT INTO items VALUES (1, 'a'), (2, 'b')")
        try connection.query("SELECT pglive.unpublish_table('items', drop_history => true)")
        #expect(try chunks() == [])
        #expect(try connection.query("SELECT count(*) AS n FROM pglive.transaction_topics").rows[0].decode("n", as: Int.self) == 0)
    }

    /// A transaction whose topics were not noted has them read back from both tables.
    @Test func aTransactionWithoutATopicListIsListedFromItsChunksAndEvents() throws {
        try connection.transaction { writer in
            try writer.query("INSERT INTO items VALUES (1, 'a')")
            try writer.query("SELECT pglive.publish('chat', '{}'::jsonb)")
            try writer.query("SELECT set_config('pglive.captured_topics', '', true)")
        }
        let listed = try connection.query("SELECT topic FROM pglive.transaction_topics ORDER BY topic").rows
            .map { try $0.decode("topic", as: String.self) }
        #expect(listed == ["chat", "items"])
    }
}

/// Migration 0007 on a log written one row per event: the old events stay readable beside
/// the new chunks, and positions go on without a gap.
@Suite struct EventChunksMigrationTests {
    @Test func eventsLoggedBeforeTheMigrationAreReadBesideChunks() throws {
        let database = try TestPostgres.makeDatabase(label: "chunksmigration")
        let runner = MigrationRunner(
            connection: try database.connect(), folder: try MigrationFolder.load(path: TestPostgres.projectMigrations),
            lockTimeout: .seconds(60), report: { _ in })
        try runner.up(to: MigrationVersion(value: 6))
        let connection = try database.connect()
        try connection.execute("CREATE TABLE items (id int)")
        try connection.query("SELECT pglive.publish_table('items')")
        try connection.query("INSERT INTO items VALUES (1), (2)")

        try runner.up()

        try connection.query("INSERT INTO items VALUES (3), (4)")
        #expect(try connection.query("SELECT count(*) AS n FROM pglive.event_chunks").rows[0].decode("n", as: Int.self) == 1)
        let events = try EventLog.events(after: 1, topic: "items", limit: 10, on: connection)
        #expect(events.map(\.position) == [2, 3, 4])
        #expect(events.map(\.row) == [#"{"id": 2}"#, #"{"id": 3}"#, #"{"id": 4}"#])
    }
}
