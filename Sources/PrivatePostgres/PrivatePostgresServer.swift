import Foundation
import Logging

/// A throwaway PostgreSQL server started from the installed server binaries.
///
/// It lives in a folder of its own (a new temporary one unless one is given), listens
/// on 127.0.0.1 on a free port and on a Unix socket inside that folder, and trusts
/// local connections as user `postgres`. PostgreSQL refuses to run as root, so when
/// the current user is root the server runs as the `postgres` system user.
///
/// ```swift
/// let server = try PrivatePostgresServer.start(logger: logger)
/// defer { server.stop() }
/// print(server.connectionString) // postgresql://postgres@127.0.0.1:54321/postgres
/// ```
public final class PrivatePostgresServer: Sendable {
    /// How to start the server.
    public struct Options: Sendable {
        /// The folder to keep the server in; `nil` makes a temporary one that ``stop()`` removes.
        public var directory: String?
        /// Trade durability for speed (`fsync=off`, `synchronous_commit=off`): for tests.
        public var fast: Bool
        /// `max_connections` of the server.
        public var maxConnections: Int

        /// Creates start options.
        /// - Parameters:
        ///   - directory: a folder to keep and reuse, or `nil` for a temporary one.
        ///   - fast: whether to turn off durability for speed.
        ///   - maxConnections: the server's connection limit.
        public init(directory: String? = nil, fast: Bool = false, maxConnections: Int = 200) {
            self.directory = directory
            self.fast = fast
            self.maxConnections = maxConnections
        }
    }

    /// A libpq URL for the `postgres` database as user `postgres` over TCP.
    public let connectionString: String
    /// The TCP port on 127.0.0.1.
    public let port: Int
    /// The folder holding `data/`, the socket and the log.
    public let directory: String

    private let binaries: PostgresBinaries
    private let runAs: String?
    private let removeOnStop: Bool
    private let logger: Logger

    private init(port: Int, directory: String, binaries: PostgresBinaries, runAs: String?, removeOnStop: Bool, logger: Logger) {
        self.port = port
        self.directory = directory
        self.binaries = binaries
        self.runAs = runAs
        self.removeOnStop = removeOnStop
        self.logger = logger
        connectionString = "postgresql://postgres@127.0.0.1:\(port)/postgres?sslmode=disable"
    }

    /// Initialises the data folder if it is new, picks a free port and starts the server,
    /// returning once it accepts connections.
    /// - Parameters:
    ///   - options: folder, speed and limits.
    ///   - logger: for progress messages.
    /// - Throws: ``PrivatePostgresError`` saying what is missing or what failed.
    public static func start(options: Options = .init(), logger: Logger) throws -> PrivatePostgresServer {
        let binaries = try PostgresBinaries.locate()
        let runAs = try ServerAccount.current()
        let directory = try options.directory.map { try ServerFolder.prepare($0, owner: runAs) }
            ?? ServerFolder.makeTemporary(owner: runAs)
        let data = directory + "/data"
        if !FileManager.default.fileExists(atPath: data + "/PG_VERSION") {
            logger.info("initialising a private PostgreSQL", metadata: ["folder": "\(directory)"])
            try CommandRunner.run(binaries.initdb, ["-D", data, "-A", "trust", "-U", "postgres", "-E", "UTF8",
                                                    "--no-locale", "--no-sync"], runAs: runAs)
        }
        var lastError: (any Error)?
        for _ in 0..<3 {
            let port = try FreePort.find()
            let server = PrivatePostgresServer(
                port: port, directory: directory, binaries: binaries, runAs: runAs,
                removeOnStop: options.directory == nil, logger: logger)
            do {
                try server.launch(options: options)
                return server
            } catch {
                lastError = error
            }
        }
        throw lastError!
    }

    /// Restarts the server as after a crash (immediate shutdown, recovery on start) on the
    /// same port and folder; returns once it accepts connections again.
    /// - Throws: ``PrivatePostgresError`` when `pg_ctl` fails.
    public func restart() throws {
        // The log file keeps the new postmaster off pg_ctl's output pipes, which would
        // otherwise stay open and never reach end of file.
        try CommandRunner.run(
            binaries.pgCtl, ["-D", directory + "/data", "-l", directory + "/server.log", "-m", "immediate", "-w", "-t", "60", "restart"],
            runAs: runAs)
    }

    /// Stops the server immediately and removes a temporary folder. Safe to call twice.
    public func stop() {
        _ = try? CommandRunner.run(binaries.pgCtl, ["-D", directory + "/data", "-m", "immediate", "-w", "stop"], runAs: runAs)
        if removeOnStop { try? FileManager.default.removeItem(atPath: directory) }
    }

    private func launch(options: Options) throws {
        var settings = [
            "-c listen_addresses=127.0.0.1", "-p \(port)", "-k \(directory)",
            "-c max_connections=\(options.maxConnections)",
        ]
        if options.fast {
            settings += ["-c fsync=off", "-c synchronous_commit=off", "-c full_page_writes=off"]
        }
        logger.info("starting a private PostgreSQL", metadata: ["port": "\(port)"])
        try CommandRunner.run(binaries.pgCtl, ["-D", directory + "/data", "-l", directory + "/server.log",
                                               "-o", settings.joined(separator: " "), "-w", "-t", "60", "start"],
                              runAs: runAs)
    }
}
