import ChangeFeed
import PostgresLibPQ
import PostgresTestSupport
import RowFilter
import Testing

/// Reading the log through a row filter, as a filtered replay does.
@Suite struct EventLogFilterTests {
    @Test func aFilterKeepsOnlyMatchingRowsInPositionOrderAndBindsAfterTheFixedParameters() throws {
        let database = try TestPostgres.makeMigratedDatabase(label: "logfilter")
        let connection = try database.connect()
        try connection.execute("CREATE TABLE orders (id int, status text, amount int)")
        try connection.query("SELECT pglive.publish_table('orders')")
        try connection.query("INSERT INTO orders VALUES (1, 'open', 50), (2, 'open', 150), (3, 'done', 500)")
        try connection.query("INSERT INTO orders VALUES (4, 'open', 300)")
        try connection.query("SELECT pglive.create_topic('chat')")
        try connection.query("SELECT pglive.publish('chat', '{\"status\":\"open\"}'::jsonb)")
        let filter = try RowFilter.parse(selector: "status=eq.open&amount=gt.100")

        let matching = try EventLog.events(after: 0, limit: 10, matching: filter, on: connection)
        #expect(matching.count == 2)
        #expect(matching.first?.row?.contains(#""id": 2"#) == true)
        #expect(matching.last?.row?.contains(#""id": 4"#) == true)
        #expect(matching.map(\.topic) == ["orders", "orders"])
        let afterFirst = try EventLog.events(after: matching[0].position, topic: "orders", limit: 10, matching: filter, on: connection)
        #expect(afterFirst.map(\.position) == [matching[1].position])
        #expect(try EventLog.events(after: 0, limit: 10, matching: RowFilter.parse(selector: ""), on: connection).count == 5)
        // An application event has no row, so it passes no filter with conditions, not even
        // is.null (SQL NULL), just as live delivery never passes it.
        let absent = try EventLog.events(after: 0, limit: 10, matching: RowFilter.parse(selector: "nothing=is.null"), on: connection)
        #expect(absent.map(\.topic) == ["orders", "orders", "orders", "orders"])
    }
}
