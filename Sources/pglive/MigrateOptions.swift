import ArgumentParser
import Foundation
import Logging
import Migrations
import PostgresLibPQ

/// The options every `pglive migrate` subcommand shares.
struct MigrateOptions: ParsableArguments {
    @OptionGroup var database: DatabaseOption

    @Option(help: ArgumentHelp("The folder of migration files.", valueName: "path"))
    var dir: String = "migrations"

    @Option(help: ArgumentHelp("Seconds to wait for another migration run to finish.", valueName: "seconds"))
    var lockTimeout: Double = 60

    @Flag(help: "Write machine-readable JSON (one object per line for progress) to standard output.")
    var json: Bool = false

    func validate() throws {
        guard lockTimeout >= 0, lockTimeout.isFinite else {
            throw ValidationError("--lock-timeout must be a number of seconds, 0 or more")
        }
    }

    /// The connection settings: the flag, else `PGLIVE_DATABASE_URL`, else libpq's environment.
    var connectionConfiguration: PostgresConfiguration {
        database.configuration(applicationName: "pglive migrate")
    }

    /// Runs a subcommand's work, turning every error into one line on standard error and
    /// an exit status (see ``MigrateExitStatus``).
    /// - Parameter body: the work, given the console.
    func perform(_ body: (MigrateConsole) throws -> Void) throws {
        let console = MigrateConsole(json: json)
        do {
            try body(console)
        } catch let exit as ExitCode {
            throw exit
        } catch {
            console.error(MigrateExitStatus.message(for: error))
            throw ExitCode(MigrateExitStatus(error).rawValue)
        }
    }

    /// Reads the migration folder.
    func loadFolder() throws -> MigrationFolder {
        try MigrationFolder.load(path: dir)
    }

    /// Connects and makes a runner that reports to the console.
    /// - Parameter console: where progress goes.
    /// - Returns: the runner, which owns the connection.
    func makeRunner(console: MigrateConsole) throws -> MigrationRunner {
        var logger = Logger(label: "pglive.migrate")
        logger.logLevel = .warning
        let connection = try PGConnection(configuration: connectionConfiguration, logger: logger)
        return MigrationRunner(
            connection: connection, folder: try loadFolder(),
            lockTimeout: .milliseconds(Int64((lockTimeout * 1000).rounded())), report: console.report)
    }
}

/// Parses a version argument.
/// - Parameters:
///   - text: the argument.
///   - option: the option's name for the message.
func parseVersion(_ text: String, option: String) throws -> MigrationVersion {
    guard let version = MigrationVersion(text) else {
        throw ValidationError("\(option) must be a migration version (up to \(MigrationVersion.maximumDigits) digits), not '\(text)'")
    }
    return version
}
