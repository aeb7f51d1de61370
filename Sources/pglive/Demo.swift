import ArgumentParser
import Foundation
import Logging
import Migrations
import PostgresLibPQ
import PrivatePostgres

/// `pglive demo`: a private PostgreSQL with the migrations applied, running until Ctrl-C.
///
/// This is the first part of the demo: the live source, the STOMP server and the
/// dashboard join it as they land.
struct Demo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Start a private PostgreSQL, apply the migrations, and keep it running until Ctrl-C.",
        discussion: """
            Without --database-url the demo runs its own PostgreSQL from the installed server \
            binaries in a new temporary folder (or in --data-dir, kept between runs) on a free \
            port of 127.0.0.1, and removes the temporary folder when it stops.
            """)

    @Option(help: ArgumentHelp("Use this database instead of a private one.", valueName: "url"))
    var databaseURL: String?

    @Option(help: ArgumentHelp("The folder of migration files.", valueName: "path"))
    var dir: String = "migrations"

    @Option(help: ArgumentHelp("Keep the private PostgreSQL in this folder and reuse it next time.", valueName: "path"))
    var dataDir: String?

    func run() async throws {
        var logger = Logger(label: "pglive.demo")
        logger.logLevel = .info
        let console = MigrateConsole(json: false)
        let server = try databaseURL == nil
            ? PrivatePostgresServer.start(options: .init(directory: dataDir), logger: logger)
            : nil
        defer { server?.stop() }
        let url = databaseURL ?? server!.connectionString
        do {
            let connection = try PGConnection(configuration: .init(connectionString: url, applicationName: "pglive demo"), logger: logger)
            let runner = MigrationRunner(
                connection: connection, folder: try MigrationFolder.load(path: dir), lockTimeout: .seconds(60),
                report: console.report)
            let steps = try runner.up()
            console.output("migrations: \(steps.count) applied, \(try runner.status().count) known")
        } catch {
            console.error(MigrateExitStatus.message(for: error))
            throw ExitCode(MigrateExitStatus(error).rawValue)
        }
        console.output("""
            pglive demo is ready.
              database:   \(url)
              try:        psql '\(url)'
                          pglive migrate --database-url '\(url)' status
            Press Ctrl-C to stop.
            """)
        let signal = await TerminationSignal.wait()
        logger.info("stopping", metadata: ["signal": "\(signal)"])
    }
}
