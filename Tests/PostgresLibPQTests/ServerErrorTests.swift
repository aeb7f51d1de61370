import PostgresLibPQ
import PostgresTestSupport
import Testing

@Suite struct ServerErrorTests {
    let database: TestDatabase

    init() throws { database = try TestPostgres.makeDatabase(label: "errors") }

    @Test func uniqueViolationCarriesSQLStateDetailAndStatement() throws {
        let connection = try database.connect()
        try connection.execute("CREATE TABLE t (id int PRIMARY KEY)")
        try connection.query("INSERT INTO t VALUES ($1)", [1])
        let error = try #require(throws: PostgresError.self) {
            try connection.query("INSERT INTO t VALUES ($1)", [1])
        }
        #expect(error.kind == .server)
        #expect(error.sqlState == PostgresError.uniqueViolation)
        #expect(error.detail == "Key (id)=(1) already exists.")
        #expect(error.statement == "INSERT INTO t VALUES ($1)")
        #expect(connection.isReusable)
    }

    @Test func syntaxErrorCarriesThePosition() throws {
        let connection = try database.connect()
        let error = try #require(throws: PostgresError.self) {
            try connection.execute("SELECT 1;\nSELEC 2")
        }
        #expect(error.sqlState == "42601")
        #expect(error.position == 11)
    }

    @Test func connectingToNothingIsAConnectionError() throws {
        let error = try #require(throws: PostgresError.self) {
            _ = try PGConnection(
                configuration: .init(connectionString: "postgresql://nobody@127.0.0.1:1/none?connect_timeout=2"),
                logger: TestPostgres.logger)
        }
        #expect(error.kind == .connection)
        #expect(error.message.contains("127.0.0.1"))
    }

    @Test func valuesNeverBecomeSQL() throws {
        let connection = try database.connect()
        try connection.execute("CREATE TABLE victims (name text)")
        let hostile = "x'); DROP TABLE victims; --"
        try connection.query("INSERT INTO victims VALUES ($1)", [hostile])
        let names = try connection.query("SELECT name FROM victims").rows.map { try $0.decode("name", as: String.self) }
        #expect(names == [hostile])
    }
}
