import ArgumentParser
import Migrations

/// `pglive migrate up`: applies pending migrations.
struct MigrateUp: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "up", abstract: "Apply pending migrations in version order.")

    @ParentCommand var migrate: Migrate

    @Option(help: ArgumentHelp("Apply only up to and including this version.", valueName: "version"))
    var to: String?

    @Flag(help: "Show what would be applied; change nothing.")
    var dryRun: Bool = false

    @Flag(help: "Also apply pending files older than the newest applied one.")
    var allowOutOfOrder: Bool = false

    func validate() throws {
        _ = try to.map { try parseVersion($0, option: "--to") }
    }

    func run() throws {
        let options = migrate.options
        try options.perform { console in
            let target = try to.map { try parseVersion($0, option: "--to") }
            let runner = try options.makeRunner(console: console)
            let steps = dryRun
                ? try runner.planUp(to: target, allowOutOfOrder: allowOutOfOrder)
                : try runner.up(to: target, allowOutOfOrder: allowOutOfOrder)
            if steps.isEmpty, !console.json { console.output("nothing to apply") }
        }
    }
}
