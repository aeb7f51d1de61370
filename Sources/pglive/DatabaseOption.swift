import ArgumentParser
import Foundation
import PostgresLibPQ

/// `--database-url`, and the one rule for where the database is when it is not given:
/// `PGLIVE_DATABASE_URL`, else libpq's own environment (`PG*` variables, `~/.pgpass`).
struct DatabaseOption: ParsableArguments {
    @Option(help: ArgumentHelp(
        "libpq connection URL or string (default: $PGLIVE_DATABASE_URL, else the PG* variables and ~/.pgpass).",
        valueName: "url"))
    var databaseURL: String?

    /// The connection settings for a command.
    /// - Parameter applicationName: the `application_name` the command's connections show.
    func configuration(applicationName: String) -> PostgresConfiguration {
        let url = databaseURL ?? ProcessInfo.processInfo.environment["PGLIVE_DATABASE_URL"] ?? ""
        return PostgresConfiguration(connectionString: url, applicationName: applicationName)
    }
}
