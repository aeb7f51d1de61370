import Foundation
import Migrations
import Testing

@Suite struct MigrationScaffoldTests {
    private let noon = Date(timeIntervalSince1970: 1_795_694_400) // 2026-11-26T12:00:00Z

    @Test func namesTheFileWithTheUTCTimestamp() throws {
        let name = try MigrationScaffold.fileName(name: "add_orders", at: noon, taken: [])
        #expect(name.fileName == "20261126120000_add_orders.sql")
    }

    @Test func skipsVersionsAlreadyTaken() throws {
        let taken: Set = [MigrationVersion("20261126120000")!, MigrationVersion("20261126120001")!]
        #expect(try MigrationScaffold.fileName(name: "x", at: noon, taken: taken).version.text == "20261126120002")
    }

    @Test func refusesInvalidNames() {
        #expect(throws: MigrationError.invalidName("Add Orders")) {
            try MigrationScaffold.fileName(name: "Add Orders", at: noon, taken: [])
        }
    }

    @Test func createdFileParsesWithAnEmptyDownSection() throws {
        let folder = try TemporaryMigrationFolder()
        let path = try MigrationScaffold.create(name: "first", in: folder.path, at: noon)
        #expect(path.hasSuffix("/20261126120000_first.sql"))
        let file = try #require(try folder.load().files.first)
        #expect(file.up.isEmpty)
        #expect(file.down == [])
        #expect(file.isTransactional)
    }
}
