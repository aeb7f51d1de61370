import Migrations
import Testing

@Suite struct MigrationVersionTests {
    @Test func versionsCompareNumerically() throws {
        let padded = try #require(MigrationVersion("0002"))
        let timestamp = try #require(MigrationVersion("20261126120000"))
        #expect(padded < timestamp)
        #expect(MigrationVersion("0001") == MigrationVersion("1"))
        #expect(MigrationVersion("0010")! > MigrationVersion("9")!)
    }

    @Test(arguments: ["", "12a", "-1", "1234567890123456789", " 1"])
    func rejectsNonDigits(_ text: String) {
        #expect(MigrationVersion(text) == nil)
    }
}
