import ArgumentParser
import Migrations

/// `pglive migrate down`: rolls back applied migrations with their down sections.
struct MigrateDown: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "down", abstract: "Roll back the newest applied migrations (default: one).")

    @ParentCommand var migrate: Migrate

    @Option(help: ArgumentHelp("How many migrations to roll back.", valueName: "n"))
    var steps: Int?

    @Option(help: ArgumentHelp("Roll back every migration newer than this version.", valueName: "version"))
    var to: String?

    func validate() throws {
        _ = try target()
    }

    func run() throws {
        let options = migrate.options
        try options.perform { console in
            let rolledBack = try options.makeRunner(console: console).down(try target())
            if rolledBack.isEmpty, !console.json { console.output("nothing to roll back") }
        }
    }

    private func target() throws -> MigrationDownTarget {
        switch (steps, to) {
        case (.some, .some):
            throw ValidationError("use either --steps or --to, not both")
        case (_, .some(let version)):
            return .version(try parseVersion(version, option: "--to"))
        case (let count, nil):
            guard (count ?? 1) >= 1 else { throw ValidationError("--steps must be 1 or more") }
            return .steps(count ?? 1)
        }
    }
}
