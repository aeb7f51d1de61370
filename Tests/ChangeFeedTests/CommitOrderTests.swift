import ChangeFeed
import PostgresLibPQ
import PostgresTestSupport
import Testing

/// Positions follow commit order, not insert order (the hasura#8632 case).
@Suite struct CommitOrderTests {
    let database: TestDatabase

    init() throws {
        database = try TestPostgres.makeMigratedDatabase(label: "commitorder")
        let setup = try database.connect()
        try setup.execute("CREATE TABLE items (id int PRIMARY KEY, note text)")
        try setup.query("SELECT pglive.publish_table('items')")
    }

    @Test func aTransactionThatCommitsLaterGetsALaterPositionAndIsNotSkipped() throws {
        let first = try database.connect(), second = try database.connect(), reader = try database.connect()
        try first.execute("BEGIN")
        try first.query("INSERT INTO items VALUES (1, 'inserted first, committed last')")
        try second.execute("BEGIN")
        try second.query("INSERT INTO items VALUES (2, 'inserted second, committed first')")
        try second.execute("COMMIT")
        let seen = try EventLog.events(after: 0, limit: 100, on: reader)
        #expect(seen.map(\.row) == [#"{"id": 2, "note": "inserted second, committed first"}"#])
        try first.execute("COMMIT")
        let later = try EventLog.events(after: seen.last!.position, limit: 100, on: reader)
        #expect(later.map(\.row) == [#"{"id": 1, "note": "inserted first, committed last"}"#])
        #expect(later[0].position > seen[0].position)
        #expect(try EventLog.headPosition(on: reader) == later[0].position)
    }

    @Test func positionsAreDenseUniqueAndFollowStatementOrderWithinATransaction() throws {
        let writer = try database.connect()
        try writer.transaction { connection in
            try connection.query("INSERT INTO items SELECT g, 'n' || g FROM generate_series(1, 1000) g")
            try connection.query("UPDATE items SET note = 'changed' WHERE id <= 10")
            try connection.query("DELETE FROM items WHERE id > 990")
        }
        let events = try EventLog.events(after: 0, limit: 5000, on: writer)
        #expect(events.count == 1020)
        #expect(events.map(\.position) == Array(1...1020))
        #expect(events.prefix(1000).allSatisfy { $0.operation == .insert })
        #expect(events[1000..<1010].allSatisfy { $0.operation == .update && $0.row!.contains("changed") })
        #expect(events.suffix(10).allSatisfy { $0.operation == .delete })
        #expect(Set(events.map(\.committedAt)).count == 1)
    }

    @Test func aRolledBackTransactionLeavesNoEventAndNoGapInVisibility() throws {
        let writer = try database.connect()
        try writer.execute("BEGIN")
        try writer.query("INSERT INTO items VALUES (1, 'gone')")
        try writer.execute("ROLLBACK")
        try writer.query("INSERT INTO items VALUES (2, 'kept')")
        let events = try EventLog.events(after: 0, limit: 10, on: writer)
        #expect(events.map(\.row) == [#"{"id": 2, "note": "kept"}"#])
    }

    @Test func aChangeAfterPositionsWereAssignedIsRefusedNotLost() throws {
        let writer = try database.connect()
        try writer.execute("BEGIN")
        try writer.query("INSERT INTO items VALUES (1, 'before')")
        try writer.execute("SET CONSTRAINTS ALL IMMEDIATE")
        let error = try #require(throws: PostgresError.self) {
            try writer.query("INSERT INTO items VALUES (2, 'after')")
        }
        #expect(error.message.contains("after this transaction's positions were assigned"))
        try writer.execute("ROLLBACK")
    }
}
