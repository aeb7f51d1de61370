import ArgumentParser
import Foundation
import Logging
import Migrations
import PGLiveServer
import PostgresLibPQ
import PrivatePostgres

/// `pglive demo`: the whole product on one machine: a private PostgreSQL with the
/// migrations applied, demo tables published as topics, a simulated source writing to
/// them, and the STOMP server, until Ctrl-C.
struct Demo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run pglive end to end: a private PostgreSQL, demo topics fed by a simulated source, and the STOMP server.",
        discussion: """
            Without --database-url the demo runs its own PostgreSQL from the installed server \
            binaries in a new temporary folder (or in --data-dir, kept and reused between runs) on \
            a free port of 127.0.0.1. It applies the migrations, creates the tables \
            demo.sensor_readings (topic "sensors") and demo.orders (topic "orders") and the \
            application topic "chat.lobby", writes sensor readings and order changes through \
            ordinary transactions, and serves STOMP on 127.0.0.1 (WebSocket /stomp on --http-port, \
            TCP on --stomp-port) for the user demo:demo, creating unknown topics on first use. \
            Ctrl-C or SIGTERM stops the source, ends every session with an ERROR "server shutting \
            down", stops PostgreSQL, removes the temporary folder and exits 0.
            """)

    /// The demo's one user, as `--user` would take it.
    static let user = "demo:demo"

    @Option(help: ArgumentHelp("Use this database instead of a private one.", valueName: "url"))
    var databaseURL: String?

    @Option(help: ArgumentHelp("The folder of migration files.", valueName: "path"))
    var dir: String = "migrations"

    @Option(help: ArgumentHelp("Keep the private PostgreSQL in this folder and reuse it next time.", valueName: "path"))
    var dataDir: String?

    @Option(help: ArgumentHelp("The HTTP port: WebSocket /stomp and /healthz (0 picks a free one).", valueName: "port"))
    var httpPort: Int = 8080

    @Option(help: ArgumentHelp("The plain STOMP over TCP port (0 picks a free one).", valueName: "port"))
    var stompPort: Int = 61613

    func validate() throws {
        for port in [httpPort, stompPort] where !(0...65535).contains(port) {
            throw ValidationError("ports are 0...65535, not \(port)")
        }
    }

    func run() async throws {
        var log = Logger(label: "pglive.demo")
        log.logLevel = .info
        let logger = log
        let console = MigrateConsole(json: false)
        let stop = await ShutdownSignal.trap()
        let server = try databaseURL == nil
            ? PrivatePostgresServer.start(options: .init(directory: dataDir), logger: logger)
            : nil
        defer { server?.stop() }
        let url = databaseURL ?? server!.connectionString
        try prepare(url: url, logger: logger, console: console)
        if stop.received {
            logger.info("stopped before the demo was ready")
            return
        }
        var configuration = ServerConfiguration(
            database: PostgresConfiguration(connectionString: url, applicationName: "pglive demo"),
            host: "127.0.0.1", httpPort: httpPort, stompPort: stompPort,
            authenticator: Authenticator(users: [try StaticUser(argument: Self.user)], allowsAnonymous: false),
            autoCreateTopics: true)
        configuration.allowedOrigins = .localPages
        let pool = PostgresPool(
            connection: PostgresConfiguration(connectionString: url, applicationName: "pglive demo source"),
            configuration: .init(maxConnections: 1), logger: logger)
        let banner = DemoBanner(databaseURL: url, folder: server.map { dataDir == nil ? "\($0.directory) (removed on exit)" : $0.directory })
        do {
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { await DemoSource(pool: pool, logger: logger).run() }
                try await ServerLauncher.run(configuration, logger: logger, stop: stop) { http, stomp in
                    // Stopping already (Ctrl-C while the server started): not ready for anyone.
                    if !stop.received { console.output(banner.text(httpPort: http, stompPort: stomp)) }
                }
                group.cancelAll()
            }
        } catch {
            await pool.close()
            throw error
        }
        await pool.close()
        logger.info("demo stopped")
    }

    /// Applies the migrations and installs the demo schema; a failure exits with the
    /// status `pglive migrate` would use.
    private func prepare(url: String, logger: Logger, console: MigrateConsole) throws {
        do {
            let connection = try PGConnection(configuration: .init(connectionString: url, applicationName: "pglive demo"), logger: logger)
            let runner = MigrationRunner(
                connection: connection, folder: try MigrationFolder.load(path: dir), lockTimeout: .seconds(60),
                report: console.report)
            let steps = try runner.up()
            console.output("migrations: \(steps.count) applied, \(try runner.status().count) known")
            try DemoSchema.install(on: connection)
        } catch {
            console.error(MigrateExitStatus.message(for: error))
            throw ExitCode(MigrateExitStatus(error).rawValue)
        }
    }
}
