import PostgresLibPQ
import PostgresTestSupport
import Testing

@Suite struct PreparedQueryTests {
    let database: TestDatabase

    init() throws { database = try TestPostgres.makeDatabase(label: "prepared") }

    @Test func theSameStatementRunsWithEachCallsValues() throws {
        let connection = try database.connect()
        let sql = "SELECT $1::int + 1 AS n, coalesce($2::text, 'none') AS label"
        var seen: [String] = []
        for (number, label) in [(1, "one"), (41, nil), (-3, "minus")] as [(Int, String?)] {
            let row = try connection.queryPrepared(sql, [number, label]).rows[0]
            seen.append("\(try row.decode("n", as: Int.self)) \(try row.decode("label", as: String.self))")
        }
        #expect(seen == ["2 one", "42 none", "-2 minus"])
        let prepared = try connection.query("SELECT count(*) AS n FROM pg_prepared_statements").rows[0]
        #expect(try prepared.decode("n", as: Int.self) == 1)
    }

    @Test func aStatementThatCannotBePreparedThrowsEveryTimeAndPreparesNothing() throws {
        let connection = try database.connect()
        for _ in 0..<2 {
            let error = try #require(throws: PostgresError.self) {
                try connection.queryPrepared("SELECT nothing_here FROM nowhere WHERE $1::int > 0", [1])
            }
            #expect(error.sqlState == "42P01")
            #expect(error.statement == "SELECT nothing_here FROM nowhere WHERE $1::int > 0")
        }
        let prepared = try connection.query("SELECT count(*) AS n FROM pg_prepared_statements").rows[0]
        #expect(try prepared.decode("n", as: Int.self) == 0)
        #expect(connection.isReusable)
    }

    @Test func aFailedExecutionLeavesTheStatementUsable() throws {
        let connection = try database.connect()
        let sql = "SELECT 10 / $1::int AS q"
        let error = try #require(throws: PostgresError.self) { try connection.queryPrepared(sql, [0]) }
        #expect(error.sqlState == "22012")
        #expect(try connection.queryPrepared(sql, [5]).rows[0].decode("q", as: Int.self) == 2)
    }
}
