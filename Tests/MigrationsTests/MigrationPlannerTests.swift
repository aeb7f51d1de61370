import Migrations
import Testing

@Suite struct MigrationPlannerTests {
    let one = MigrationFixtures.file("0001_one.sql")
    let two = MigrationFixtures.file("0002_two.sql")
    let three = MigrationFixtures.file("20261126120000_three.sql")

    private func up(
        _ files: [MigrationFile], _ history: [MigrationHistoryRecord], to target: MigrationVersion? = nil,
        allowOutOfOrder: Bool = false
    ) throws(MigrationError) -> [String] {
        try MigrationPlanner.up(files: files, history: history, target: target, allowOutOfOrder: allowOutOfOrder)
            .map(\.file.name)
    }

    @Test func upAppliesPendingFilesInNumericOrder() throws {
        #expect(try up([three, two, one], []) == [one.name, two.name, three.name])
        #expect(try up([one, two, three], [MigrationFixtures.applied(one)]) == [two.name, three.name])
        #expect(try up([one, two, three], [], to: MigrationVersion("2")) == [one.name, two.name])
    }

    @Test func upRefusesModifiedAppliedFiles() {
        let edited = MigrationFixtures.file("0001_one.sql", "SELECT 42;\n")
        #expect(throws: MigrationError.modified([edited.name])) {
            try up([edited, two], [MigrationFixtures.applied(one)])
        }
    }

    @Test func upRefusesOutOfOrderUnlessAllowed() throws {
        let history = [MigrationFixtures.applied(one), MigrationFixtures.applied(three)]
        #expect(throws: MigrationError.outOfOrder([two.name], highestApplied: three.name)) {
            try up([one, two, three], history)
        }
        #expect(try up([one, two, three], history, allowOutOfOrder: true) == [two.name])
    }

    @Test func failedTransactionalFileIsRetriedFromTheStart() throws {
        let steps = try MigrationPlanner.up(
            files: [one], history: [MigrationFixtures.failed(one)], target: nil, allowOutOfOrder: false)
        #expect(steps == [MigrationStep(file: one, direction: .up, statementsDone: 0)])
    }

    @Test func partlyAppliedNoTransactionFileResumes() throws {
        let text = "-- pglive:no-transaction\nSELECT 1;\nSELECT 2;\nSELECT 3;\n"
        let file = MigrationFixtures.file("0001_one.sql", text)
        let steps = try MigrationPlanner.up(
            files: [file], history: [MigrationFixtures.failed(file, statementsDone: 2)], target: nil, allowOutOfOrder: false)
        #expect(steps.map(\.statementsDone) == [2])
        #expect(steps[0].remainingStatements.map(\.text) == ["SELECT 3"])
        let fixedLast = MigrationFixtures.file("0001_one.sql", text.replacingOccurrences(of: "SELECT 3", with: "SELECT 4"))
        #expect(try MigrationPlanner.up(
            files: [fixedLast], history: [MigrationFixtures.failed(file, statementsDone: 2)], target: nil,
            allowOutOfOrder: false).map(\.statementsDone) == [2])
    }

    @Test func partlyAppliedFileWhoseDoneStatementsChangedIsRefused() {
        let file = MigrationFixtures.file("0001_one.sql", "-- pglive:no-transaction\nSELECT 1;\nSELECT 2;\n")
        let changed = MigrationFixtures.file("0001_one.sql", "-- pglive:no-transaction\nSELECT 10;\nSELECT 2;\n")
        #expect(throws: MigrationError.partlyAppliedFileChanged(changed.name, statementsDone: 1)) {
            try MigrationPlanner.up(
                files: [changed], history: [MigrationFixtures.failed(file, statementsDone: 1)], target: nil,
                allowOutOfOrder: false)
        }
    }

    @Test func downRollsBackNewestFirst() throws {
        let history = [one, two, three].map(MigrationFixtures.applied)
        let byDefault = try MigrationPlanner.down(files: [one, two, three], history: history, target: .steps(1))
        #expect(byDefault.map(\.file.name) == [three.name])
        #expect(byDefault.allSatisfy { $0.direction == .down })
        let toOne = try MigrationPlanner.down(files: [one, two, three], history: history, target: .version(MigrationVersion("1")!))
        #expect(toOne.map(\.file.name) == [three.name, two.name])
    }

    @Test func downRefusesAFileWithoutDownSectionNamingIt() {
        let noDown = MigrationFixtures.file("0002_two.sql", "SELECT 1;\n")
        let emptyDown = MigrationFixtures.file("0002_two.sql", "SELECT 1;\n-- migrate:down\n-- nothing\n")
        for file in [noDown, emptyDown] {
            #expect(throws: MigrationError.noDownSection("0002_two.sql")) {
                try MigrationPlanner.down(
                    files: [one, file], history: [one, file].map(MigrationFixtures.applied), target: .steps(2))
            }
        }
    }

    @Test func downRefusesMissingModifiedAndBlockedFiles() {
        let history = [one, two].map(MigrationFixtures.applied)
        #expect(throws: MigrationError.missingFile(two.name)) {
            try MigrationPlanner.down(files: [one], history: history, target: .steps(1))
        }
        let edited = MigrationFixtures.file("0002_two.sql", "SELECT 3;\n-- migrate:down\nSELECT 4;\n")
        #expect(throws: MigrationError.modified([edited.name])) {
            try MigrationPlanner.down(files: [one, edited], history: history, target: .steps(1))
        }
        let partial = MigrationFixtures.failed(three, statementsDone: 1)
        #expect(throws: MigrationError.partlyAppliedBlocksDown(three.name)) {
            try MigrationPlanner.down(files: [one, two, three], history: history + [partial], target: .steps(1))
        }
    }
}
