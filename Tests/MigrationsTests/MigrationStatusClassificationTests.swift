import Migrations
import Testing

@Suite struct MigrationStatusClassificationTests {
    @Test func classifiesEveryState() {
        let applied = MigrationFixtures.file("0001_applied.sql")
        let outOfOrder = MigrationFixtures.file("0002_late.sql")
        let modified = MigrationFixtures.file("0003_modified.sql", "SELECT 'edited';\n")
        let failed = MigrationFixtures.file("0005_failed.sql")
        let pending = MigrationFixtures.file("0006_pending.sql")
        let gone = MigrationFixtures.file("0004_gone.sql")
        let history = [
            MigrationFixtures.applied(applied),
            MigrationFixtures.applied(MigrationFixtures.file("0003_modified.sql")),
            MigrationFixtures.applied(gone),
            MigrationFixtures.failed(failed),
        ]
        let entries = MigrationStatusEntry.classify(files: [pending, failed, modified, outOfOrder, applied], history: history)
        #expect(entries.map(\.name) == [
            "0001_applied.sql", "0002_late.sql", "0003_modified.sql", "0004_gone.sql", "0005_failed.sql", "0006_pending.sql",
        ])
        #expect(entries.map(\.state) == [.applied, .outOfOrder, .modified, .missing, .failed, .pending])
        #expect(entries.map(\.needsAttention) == [false, true, true, true, true, true])
    }

    @Test func emptyHistoryMakesEverythingPending() {
        let entries = MigrationStatusEntry.classify(files: [MigrationFixtures.file("0001_a.sql")], history: [])
        #expect(entries.map(\.state) == [.pending])
    }
}
