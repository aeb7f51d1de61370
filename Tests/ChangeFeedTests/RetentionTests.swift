import ChangeFeed
import Foundation
import PostgresLibPQ
import PostgresTestSupport
import Testing

/// Pruning by retention, and resuming from a pruned position as an explicit error.
@Suite struct RetentionTests {
    let database: TestDatabase
    let connection: PGConnection

    init() throws {
        database = try TestPostgres.makeMigratedDatabase(label: "retention")
        connection = try database.connect()
        try connection.execute("CREATE TABLE readings (id int)")
        try connection.query("SELECT pglive.publish_table('readings', retention => '1 hour')")
        try connection.transaction { writer in
            try writer.query("INSERT INTO readings SELECT generate_series(1, 3)")
            try writer.query("INSERT INTO readings VALUES (4), (5)")
        }
        try connection.query("INSERT INTO readings VALUES (6)")
        try connection.query("UPDATE pglive.transactions SET committed_at = committed_at - interval '2 hours' WHERE first_position = 1")
    }

    @Test func pruningDeletesExpiredEventsInBatchesAndKeepsTheRest() throws {
        // A batch counts log rows: each statement's rows are one chunk, deleted whole.
        #expect(try EventLog.prune(batchSize: 1, on: connection) == 3)
        #expect(try EventLog.prune(batchSize: 1, on: connection) == 2)
        #expect(try EventLog.prune(batchSize: 1, on: connection) == 0)
        #expect(try EventLog.events(after: 0, limit: 10, on: connection).map(\.position) == [6])
    }

    @Test func eachTopicIsPrunedByItsOwnRetention() throws {
        // Positions 1–6 readings (1 hour), 7 kept (30 days), 8 gone (unpublished: 7 days);
        // everything aged 8 days, in order.
        try connection.execute("CREATE TABLE kept (id int); CREATE TABLE gone (id int)")
        try connection.query("SELECT pglive.publish_table('kept', retention => '30 days')")
        try connection.query("SELECT pglive.publish_table('gone')")
        try connection.query("INSERT INTO kept VALUES (7)")
        try connection.query("INSERT INTO gone VALUES (8)")
        try connection.query("SELECT pglive.unpublish_table('gone')")
        try connection.query("UPDATE pglive.transactions SET committed_at = committed_at - interval '8 days'")
        #expect(try EventLog.prune(batchSize: 100, on: connection) == 7)
        #expect(try EventLog.prune(batchSize: 100, on: connection) == 0)
        #expect(try EventLog.events(after: 0, limit: 10, on: connection).map(\.position) == [7])
        let left = try connection.query("SELECT topic FROM pglive.transaction_topics ORDER BY topic").rows
        #expect(try left.map { try $0.decode("topic", as: String.self) } == ["kept"])
        // The newest transaction stays, emptied: its last position is the log's head.
        #expect(try EventLog.headPosition(on: connection) == 8)
    }

    @Test func resumingFromAPrunedPositionIsAnErrorNamingTheOldestRetained() throws {
        _ = try EventLog.prune(on: connection)
        let error = try #require(throws: EventLogError.self) {
            try EventLog.startPosition(for: .after(2), topic: "readings", on: connection)
        }
        #expect(error == .pruned(topic: "readings", requested: "position 2", oldestRetained: 6))
        #expect(error.description == #"events of topic "readings" after position 2 were pruned by retention; the oldest retained position is 6"#)
        #expect(try EventLog.startPosition(for: .after(5), topic: "readings", on: connection) == 5)
        #expect(try EventLog.startPosition(for: .earliest, topic: "readings", on: connection) == 5)
        #expect(throws: EventLogError.pruned(topic: "readings", requested: "1970-01-01T00:00:00.000000Z", oldestRetained: 6)) {
            try EventLog.startPosition(for: .time(Date(timeIntervalSince1970: 0)), topic: "readings", on: connection)
        }
    }

    @Test func aTimeMapsToTheLastPositionCommittedBeforeIt() throws {
        #expect(try EventLog.startPosition(for: .time(Date().addingTimeInterval(-3600)), topic: "readings", on: connection) == 5)
        #expect(try EventLog.startPosition(for: .time(Date().addingTimeInterval(60)), topic: "readings", on: connection) == 6)
    }

    @Test func anUnknownTopicIsAnError() throws {
        #expect(throws: EventLogError.unknownTopic("nope")) {
            try EventLog.startPosition(for: .earliest, topic: "nope", on: connection)
        }
    }

    @Test func timeBoundsGetThePlainAggregatesAnswersWhicheverSideIsRead() throws {
        // 43 transactions, one a minute, one of them moved 3 minutes later (out of order):
        // every time gets the plain maximum's answer, near either end and between.
        try connection.query("INSERT INTO readings SELECT generate_series(1, 3)")
        for _ in 0..<40 { try connection.query("INSERT INTO readings VALUES (0)") }
        try connection.query("""
            UPDATE pglive.transactions t SET committed_at = '2026-01-01T00:00:00Z'::timestamptz + n.i * interval '1 minute'
              FROM (SELECT first_position, row_number() OVER (ORDER BY first_position) AS i FROM pglive.transactions) n
             WHERE n.first_position = t.first_position
            """)
        try connection.query("""
            UPDATE pglive.transactions SET committed_at = committed_at + interval '3 minutes'
             WHERE first_position = (SELECT first_position FROM pglive.transactions ORDER BY first_position DESC OFFSET 5 LIMIT 1)
            """)
        let base = try #require(ISO8601DateFormatter().date(from: "2026-01-01T00:00:00Z"))
        let time = "$1::timestamptz"
        let pairs = [
            (EventLog.SQL.lastPositionCommittedBefore,
             "SELECT coalesce(max(last_position), 0) AS p FROM pglive.transactions WHERE committed_at < $1"),
            ("SELECT \(EventLog.SQL.firstTransaction(committedAtOrAfter: time)) AS p",
             "SELECT min(first_position) AS p FROM pglive.transactions WHERE committed_at >= $1"),
            ("SELECT \(EventLog.SQL.lastTransaction(committedBefore: time)) AS p",
             "SELECT max(first_position) AS p FROM pglive.transactions WHERE committed_at < $1"),
        ]
        for seconds in stride(from: -30, through: 46 * 60, by: 45) {
            let at = base.addingTimeInterval(TimeInterval(seconds))
            for (bound, plain) in pairs {
                let expected = try connection.query(plain, [at]).rows[0].decode("p", as: Int64?.self)
                #expect(try connection.query(bound, [at]).rows[0].decode("p", as: Int64?.self) == expected, "at \(seconds) s: \(bound)")
            }
        }
        try connection.query("TRUNCATE pglive.transactions CASCADE")
        #expect(try connection.query(EventLog.SQL.lastPositionCommittedBefore, [base]).rows[0].decode("p", as: Int64.self) == 0)
    }
}
