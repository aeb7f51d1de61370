import Migrations
import Testing

@Suite struct MigrationFileNameTests {
    @Test func parsesTimestampAndPaddedVersions() throws {
        let timestamp = try #require(MigrationFileName(parsing: "20261126120000_add_orders.sql"))
        #expect(timestamp.version.value == 20_261_126_120_000)
        #expect(timestamp.name == "add_orders")
        let padded = try #require(MigrationFileName(parsing: "0001_create_pglive_schema.sql"))
        #expect(padded.version.text == "0001")
        #expect(padded.fileName == "0001_create_pglive_schema.sql")
    }

    @Test(arguments: [
        "0001.sql", "0001_.sql", "abc_name.sql", "0001_Name.sql", "0001_na-me.sql", "0001_name.SQL",
        "0001_name.txt", "_name.sql", "0001__name.sql", "0001_name.sql.bak",
    ])
    func rejectsMalformedNames(_ name: String) {
        #expect(MigrationFileName(parsing: name) == nil)
    }

    @Test func nameRule() {
        #expect(MigrationFileName.isValidName("add_orders_2"))
        #expect(!MigrationFileName.isValidName(""))
        #expect(!MigrationFileName.isValidName("add orders"))
        #expect(!MigrationFileName.isValidName(String(repeating: "a", count: 101)))
    }
}
