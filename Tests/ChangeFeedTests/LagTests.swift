import ChangeFeed
import PostgresLibPQ
import PostgresTestSupport
import Testing

/// `EventLog.lag(after:on:)`: positions and seconds behind the log's head.
@Suite struct LagTests {
    @Test func lagCountsUndeliveredPositionsAndTheAgeOfTheOldestUndeliveredCommit() throws {
        let database = try TestPostgres.makeMigratedDatabase(label: "lag")
        let connection = try database.connect()
        let empty = try EventLog.lag(after: 0, on: connection)
        #expect([empty.head, empty.positions] == [0, 0] && empty.seconds == 0)
        try connection.query("SELECT pglive.create_topic('lag.test')")
        try connection.execute(
            "BEGIN; SELECT pglive.publish('lag.test', '{}'::jsonb); SELECT pglive.publish('lag.test', '{}'::jsonb); COMMIT")
        try connection.query("SELECT pglive.publish('lag.test', '{}'::jsonb)")
        let positions = try EventLog.events(after: 0, limit: 10, on: connection).map(\.position)
        try #require(positions.count == 3)
        // The first transaction committed an hour ago, the second just now.
        try connection.query(
            "UPDATE pglive.transactions SET committed_at = now() - interval '1 hour' WHERE first_position = (SELECT min(first_position) FROM pglive.transactions)")

        let none = try EventLog.lag(after: 0, on: connection)
        #expect(none.head == positions[2])
        #expect(none.positions == 3)
        #expect((3600..<3700).contains(none.seconds), "\(none.seconds)")
        let midTransaction = try EventLog.lag(after: positions[0], on: connection)
        #expect(midTransaction.positions == 2)
        #expect((3600..<3700).contains(midTransaction.seconds), "\(midTransaction.seconds)")
        let secondTransaction = try EventLog.lag(after: positions[1], on: connection)
        #expect(secondTransaction.positions == 1)
        #expect(secondTransaction.seconds < 60)
        let caughtUp = try EventLog.lag(after: positions[2], on: connection)
        #expect([caughtUp.head, caughtUp.positions] == [positions[2], 0] && caughtUp.seconds == 0)
    }
}
