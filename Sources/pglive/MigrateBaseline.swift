import ArgumentParser
import Migrations

/// `pglive migrate baseline`: marks files applied without running them.
struct MigrateBaseline: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "baseline",
        abstract: "Mark every migration up to a version as applied without running it (for an existing database).")

    @ParentCommand var migrate: Migrate

    @Option(help: ArgumentHelp("The last version to mark applied.", valueName: "version"))
    var version: String

    func validate() throws {
        _ = try parseVersion(version, option: "--version")
    }

    func run() throws {
        let options = migrate.options
        try options.perform { console in
            let marked = try options.makeRunner(console: console).baseline(through: try parseVersion(version, option: "--version"))
            if marked.isEmpty, !console.json { console.output("nothing to mark: already applied") }
        }
    }
}
