import Authorization
import BearerTokens
import Logging
import PGLiveServer
import PostgresLibPQ
import PostgresTestSupport
import STOMP
import Synchronization

/// `PGLiveServer` running in-process on free ports against a fresh migrated database.
final class TestServer: Sendable {
    let database: TestDatabase
    private let task: Task<Void, any Error>
    private let ports = Ports()

    /// The bound ports by endpoint.
    final class Ports: Sendable {
        let value = Mutex<[Endpoint: Int]>([:])
    }

    /// The database every test server of the process shares: tests use topics of their own.
    static let sharedDatabase = Task { try await blocking { try TestPostgres.makeMigratedDatabase(label: "server") } }
    /// A server with user alice:secret only and no topic auto-creation.
    static let strict = Task { try await TestServer(database: sharedDatabase.value) }
    /// A second server on the same database that also admits anonymous clients and creates topics on first use.
    static let lenient = Task { try await TestServer(database: sharedDatabase.value, allowAnonymous: true, autoCreateTopics: true) }
    /// A server that also accepts ``TestTokens`` (HS256 and ES256, issuer and audience
    /// checked, no clock skew) and creates topics on first use, for those allowed to.
    static let secured = Task {
        try await TestServer(database: sharedDatabase.value, autoCreateTopics: true, tokens: try await TestTokens.verifier())
    }

    /// Starts a server with user alice:secret (and anonymous access and tokens when asked);
    /// `configure` changes anything else.
    init(
        database: TestDatabase, allowAnonymous: Bool = false, autoCreateTopics: Bool = false, tokens: TokenVerifier? = nil,
        heartBeat: STOMPHeartBeat = STOMPHeartBeat(send: 10_000, receive: 10_000),
        maxQueuedBytes: Int = 8 << 20, writeTimeout: Duration = .seconds(30),
        configure: (inout ServerConfiguration) -> Void = { _ in }
    ) async throws {
        self.database = database
        let ports = self.ports
        var configuration = ServerConfiguration(
            database: database.configuration, httpPort: 0, stompPort: 0,
            authenticator: Authenticator(
                users: [try StaticUser(argument: "alice:secret")], allowsAnonymous: allowAnonymous, tokens: tokens),
            autoCreateTopics: autoCreateTopics,
            session: STOMPSession.Configuration(serverVersion: PGLiveServer.version, heartBeat: heartBeat),
            writeTimeout: writeTimeout)
        configuration.broker.maxQueuedBytes = maxQueuedBytes
        // Tests that age events on purpose must not race a pruner (RetentionPrunerTests turns it on).
        configuration.pruneInterval = nil
        configure(&configuration)
        let server = PGLiveServer(configuration: configuration, logger: TestPostgres.logger)
        task = Task {
            try await server.run(gracefulShutdownSignals: []) { endpoint, port in
                ports.value.withLock { $0[endpoint] = port }
            }
        }
        try await Deadline.waitUntil("the server to listen", timeout: .seconds(60)) { ports.value.withLock { $0.count == 2 } }
    }

    deinit {
        task.cancel()
    }

    /// The STOMP over TCP port.
    var stompPort: Int { ports.value.withLock { $0[.stomp]! } }
    /// The HTTP port.
    var httpPort: Int { ports.value.withLock { $0[.http]! } }

    /// Runs SQL on a new connection and returns its rows.
    @discardableResult
    func sql(_ statement: String, _ parameters: [any PostgresBindable] = []) async throws -> [PostgresRow] {
        let database = self.database
        return try await blocking { try database.connect().query(statement, parameters).rows }
    }

    /// Stops the server.
    func stop() async {
        task.cancel()
        _ = await task.result
    }
}
