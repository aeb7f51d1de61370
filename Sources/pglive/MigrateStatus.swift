import ArgumentParser
import Foundation
import Migrations

/// `pglive migrate status`: every file and history row with its state.
struct MigrateStatus: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show each migration as applied, pending, out-of-order, modified, missing or failed.")

    @ParentCommand var migrate: Migrate

    @Flag(help: "Exit with status 3 when anything is pending, out-of-order, modified, missing or failed.")
    var exitCode: Bool = false

    func run() throws {
        let options = migrate.options
        try options.perform { console in
            let runner = try options.makeRunner(console: console)
            let entries = try runner.status()
            if console.json {
                console.outputJSON(MigrateStatusJSON(entries: entries))
            } else {
                MigrateStatusTable(entries: entries).lines.forEach(console.output)
            }
            if exitCode, entries.contains(where: \.needsAttention) {
                throw ExitCode(MigrateExitStatus.needsAttention.rawValue)
            }
        }
    }
}
