import PostgresLibPQ
import PostgresTestSupport
import Testing

/// The migration runner maps `PostgresError.position` to a file line; these pin what it relies on.
@Suite struct ErrorPositionTests {
    @Test func syntaxErrorCarriesSQLStateAndCharacterPosition() throws {
        let connection = try TestPostgres.makeDatabase(label: "position").connect()
        let statement = "SELECT 'é',\n  1 +"
        let error = try #require(throws: PostgresError.self) { try connection.execute(statement) }
        #expect(error.sqlState == "42601")
        #expect(error.statement == statement)
        #expect(error.position == 18) // end of input, counted in characters: é is one, not two bytes
    }
}
