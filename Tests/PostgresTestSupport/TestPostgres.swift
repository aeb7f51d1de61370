import Foundation
import Logging
import PostgresLibPQ
import PrivatePostgres
import Synchronization

/// The PostgreSQL server of this test process and a fresh database per test.
///
/// With `PGLIVE_TEST_DATABASE_URL` set, tests use that server (its user must be allowed
/// to create databases); otherwise the first test starts a private server that is
/// stopped and removed when the process exits.
public enum TestPostgres {
    /// The admin connection string of the server tests use.
    public static func serverConnectionString() throws -> String {
        try server.get()
    }

    /// Creates an empty database for one test and returns how to reach it.
    /// - Parameter label: a readable part of the database name, usually the test's name.
    public static func makeDatabase(label: String = "test") throws -> TestDatabase {
        let admin = PostgresConfiguration(connectionString: try server.get())
        let suffix = UInt64.random(in: 0..<UInt64.max) % 1_000_000_000_000
        let cleaned = label.lowercased().filter { $0.isLetter || $0.isNumber }.prefix(30)
        let name = "t_\(cleaned)_\(suffix)"
        let connection = try PGConnection(configuration: admin, logger: logger)
        try connection.execute("CREATE DATABASE \(try connection.escapeIdentifier(name))")
        var configuration = admin
        configuration.databaseName = name
        return TestDatabase(name: name, configuration: configuration)
    }

    /// A logger for tests; quiet unless `PGLIVE_TEST_LOG` names a level.
    public static let logger: Logger = {
        var logger = Logger(label: "pglive.test")
        logger.logLevel = ProcessInfo.processInfo.environment["PGLIVE_TEST_LOG"].flatMap { Logger.Level(rawValue: $0) } ?? .critical
        return logger
    }()

    private static let server: Result<String, any Error> = {
        if let url = ProcessInfo.processInfo.environment["PGLIVE_TEST_DATABASE_URL"], !url.isEmpty {
            return .success(url)
        }
        return Result {
            let started = try PrivatePostgresServer.start(options: .init(fast: true, maxConnections: 300), logger: logger)
            privateServer.withLock { $0 = started }
            atexit { TestPostgres.stopPrivateServer() }
            return started.connectionString
        }
    }()

    private static let privateServer = Mutex<PrivatePostgresServer?>(nil)

    private static func stopPrivateServer() {
        privateServer.withLock { server in
            server?.stop()
            server = nil
        }
    }
}

/// A database created for one test.
public struct TestDatabase: Sendable {
    /// The database's name.
    public let name: String
    /// How to connect to it.
    public let configuration: PostgresConfiguration

    /// Names a database to use in tests.
    /// - Parameters:
    ///   - name: the database's name.
    ///   - configuration: how to connect to it.
    public init(name: String, configuration: PostgresConfiguration) {
        self.name = name
        self.configuration = configuration
    }

    /// The connection string with the database name, as a `--database-url` would give it.
    public var url: String {
        let base = configuration.connectionString
        guard var components = URLComponents(string: base), components.scheme?.hasPrefix("postgres") == true else {
            return base + " dbname=\(name)"
        }
        components.path = "/" + name
        return components.string ?? base
    }

    /// Opens a connection to the test database.
    public func connect() throws -> PGConnection {
        try PGConnection(configuration: configuration, logger: TestPostgres.logger)
    }
}

extension TestPostgres {
    /// Whether a statement containing `fragment` is running in the test database.
    /// - Parameters:
    ///   - fragment: text of the statement to look for.
    ///   - database: the test database.
    public static func isRunning(_ fragment: String, in database: TestDatabase) throws -> Bool {
        let connection = try database.connect()
        return try !connection.query(
            "SELECT 1 FROM pg_stat_activity WHERE datname = $1 AND state = 'active' AND query LIKE $2 AND pid <> pg_backend_pid()",
            [database.name, "%" + fragment + "%"]).rows.isEmpty
    }
}
