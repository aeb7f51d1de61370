import PostgresLibPQ
import PostgresTestSupport
import Testing

@Suite struct StreamingTests {
    let database: TestDatabase

    init() throws { database = try TestPostgres.makeDatabase(label: "stream") }

    @Test func largeResultArrivesInBoundedBatchesInOrder() throws {
        let connection = try database.connect()
        var expected = 1
        var largestBatch = 0
        let delivered = try connection.stream("SELECT g AS n FROM generate_series(1, $1) g", [200_000], batchSize: 500) { rows in
            largestBatch = max(largestBatch, rows.count)
            for row in rows {
                let n = try row.decode("n", as: Int.self)
                #expect(n == expected)
                expected += 1
            }
            return .next
        }
        #expect(delivered == 200_000)
        #expect(expected == 200_001)
        #expect(largestBatch == 500)
        #expect(connection.isReusable)
    }

    @Test func stoppingEarlyCancelsTheRestAndLeavesTheConnectionUsable() throws {
        let connection = try database.connect()
        var batches = 0
        let delivered = try connection.stream("SELECT g FROM generate_series(1, 50000000) g", batchSize: 100) { _ in
            batches += 1
            return batches == 3 ? .stop : .next
        }
        #expect(delivered == 300)
        #expect(try connection.query("SELECT 7 AS n").rows[0].decode("n", as: Int.self) == 7)
    }

    @Test func aFailureMidStreamIsThrownAfterTheRowsBeforeIt() throws {
        let connection = try database.connect()
        var seen = 0
        let error = try #require(throws: PostgresError.self) {
            try connection.stream("SELECT 10 / (1000 - g) FROM generate_series(1, 2000) g", batchSize: 100) { rows in
                seen += rows.count
                return .next
            }
        }
        #expect(error.sqlState == "22012")
        #expect(seen > 0 && seen < 1000)
        #expect(connection.isReusable)
    }
}
