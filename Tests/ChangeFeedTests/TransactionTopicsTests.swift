import ChangeFeed
import PostgresLibPQ
import PostgresTestSupport
import Testing

/// A topic's events are found through `pglive.transaction_topics`: one row per topic a
/// transaction wrote, written at commit and pruned with the topic's last event of it.
@Suite struct TransactionTopicsTests {
    let database: TestDatabase
    let connection: PGConnection

    init() throws {
        database = try TestPostgres.makeMigratedDatabase(label: "txtopics")
        connection = try database.connect()
        try connection.execute("CREATE TABLE lefts (id int); CREATE TABLE rights (id int)")
        try connection.query("SELECT pglive.publish_table('lefts', retention => '1 hour')")
        try connection.query("SELECT pglive.publish_table('rights', retention => '1 hour')")
        // Positions 1–6: lefts 1, 2, 3, rights 4, 5, lefts 6; then 7–8: rights 7, lefts 8.
        try connection.transaction { writer in
            try writer.query("INSERT INTO lefts VALUES (1), (2), (3)")
            try writer.query("INSERT INTO rights VALUES (4), (5)")
            try writer.query("INSERT INTO lefts VALUES (6)")
        }
        try connection.transaction { writer in
            try writer.query("INSERT INTO rights VALUES (7)")
            try writer.query("INSERT INTO lefts VALUES (8)")
        }
    }

    private func positions(of topic: String, after position: Int64 = 0) throws -> [Int64] {
        let events = try EventLog.events(after: position, topic: topic, limit: 100, on: connection)
        #expect(events.allSatisfy { $0.topic == topic })
        return events.map(\.position)
    }

    private func topicRows() throws -> [String] {
        try connection.query("SELECT topic || '@' || first_position AS r FROM pglive.transaction_topics ORDER BY first_position, topic")
            .rows.map { try $0.decode("r", as: String.self) }
    }

    @Test func aTransactionThatWritesTwoTopicsListsBothAndEachReadSeesOnlyItsOwnInOrder() throws {
        #expect(try topicRows() == ["lefts@1", "rights@1", "lefts@7", "rights@7"])
        #expect(try positions(of: "lefts") == [1, 2, 3, 6, 8])
        #expect(try positions(of: "rights") == [4, 5, 7])
        #expect(try positions(of: "lefts", after: 3) == [6, 8])
        #expect(try positions(of: "rights", after: 5) == [7])
        #expect(try EventLog.events(after: 0, limit: 100, on: connection).map(\.position) == Array(1...8))
    }

    @Test func pruningKeepsATransactionsTopicRowUntilItsLastEventOfThatTopicIsGone() throws {
        try connection.query("UPDATE pglive.transactions SET committed_at = committed_at - interval '2 hours' WHERE first_position = 1")
        // A batch counts log rows: each statement here is one chunk, deleted whole. Topics
        // are pruned one after the other, each in position order.
        #expect(try EventLog.prune(batchSize: 1, on: connection) == 3)
        #expect(try topicRows() == ["lefts@1", "rights@1", "lefts@7", "rights@7"])
        #expect(try positions(of: "lefts") == [6, 8])
        #expect(try positions(of: "rights") == [4, 5, 7])
        #expect(try EventLog.prune(batchSize: 1, on: connection) == 1)
        #expect(try topicRows() == ["rights@1", "lefts@7", "rights@7"])
        #expect(try positions(of: "lefts") == [8])
        #expect(try positions(of: "rights") == [4, 5, 7])
        #expect(try EventLog.prune(batchSize: 10, on: connection) == 2)
        #expect(try EventLog.prune(batchSize: 10, on: connection) == 0)
        #expect(try topicRows() == ["lefts@7", "rights@7"])
        #expect(try positions(of: "lefts") == [8])
        #expect(try connection.query("SELECT count(*) AS n FROM pglive.transactions").rows[0].decode("n", as: Int.self) == 1)
        #expect(throws: EventLogError.pruned(topic: "lefts", requested: "position 0", oldestRetained: 8)) {
            try EventLog.startPosition(for: .after(0), topic: "lefts", on: connection)
        }
    }

    @Test func droppingATablesHistoryDeletesItsEventsAndTopicRowsOnly() throws {
        try connection.query("SELECT pglive.unpublish_table('lefts', drop_history => true)")
        #expect(try topicRows() == ["rights@1", "rights@7"])
        #expect(try connection.query("SELECT count(*) AS n FROM pglive.events WHERE topic = 'lefts'").rows[0].decode("n", as: Int.self) == 0)
        #expect(try positions(of: "rights") == [4, 5, 7])
    }

    @Test func publishedEventsAndSingleRowCaptureNoteTheirTopicOnce() throws {
        try connection.query("SELECT pglive.create_topic('chat')")
        try connection.execute("CREATE TABLE kept (id int PRIMARY KEY, v int); INSERT INTO kept VALUES (1, 0)")
        try connection.query("SELECT pglive.publish_table('kept', keep_old => true)")
        try connection.transaction { writer in
            try writer.query("SELECT pglive.publish('chat', '{\"n\":1}'::jsonb)")
            try writer.query("UPDATE kept SET v = v + 1")
            try writer.query("SELECT pglive.publish('chat', '{\"n\":2}'::jsonb)")
            try writer.query("UPDATE kept SET v = v + 1")
        }
        #expect(try topicRows().suffix(2) == ["chat@9", "kept@9"])
        #expect(try positions(of: "chat") == [9, 11])
        #expect(try positions(of: "kept") == [10, 12])
    }

    /// A transaction whose first capture ran the functions of 0005 while 0006 was applied:
    /// it has events but no topic list (simulated by clearing the setting).
    @Test func aTransactionCapturedWithoutATopicListIsListedFromItsEvents() throws {
        try connection.transaction { writer in
            try writer.query("INSERT INTO lefts VALUES (9)")
            try writer.query("SELECT set_config('pglive.captured_topics', '', true)")
            try writer.query("INSERT INTO rights VALUES (10)")
        }
        try connection.transaction { writer in
            try writer.query("INSERT INTO rights VALUES (11)")
            try writer.query("SELECT set_config('pglive.captured_topics', '', true)")
        }
        #expect(try topicRows().suffix(3) == ["lefts@9", "rights@9", "rights@11"])
        #expect(try positions(of: "lefts", after: 8) == [9])
        #expect(try positions(of: "rights", after: 8) == [10, 11])
    }
}
