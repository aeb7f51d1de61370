import ArgumentParser
import Migrations

/// `pglive migrate new NAME`: creates a migration file.
struct MigrateNew: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new", abstract: "Create <UTC timestamp>_<name>.sql with an up and a down section.")

    @ParentCommand var migrate: Migrate

    @Argument(help: "The name: a-z, 0-9 and _, for example add_orders_index.")
    var name: String

    func run() throws {
        let options = migrate.options
        try options.perform { console in
            let path = try MigrationScaffold.create(name: name, in: options.dir)
            if console.json {
                console.outputJSON(["event": "created", "path": path])
            } else {
                console.output("created \(path)")
            }
        }
    }
}
