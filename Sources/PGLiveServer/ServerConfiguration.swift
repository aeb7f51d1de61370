import Broker
import HistoryAPI
import PostgresLibPQ
import STOMP

/// Everything `pglive serve` runs with: where to listen, who may connect, and the database.
///
/// ```swift
/// let configuration = ServerConfiguration(
///     database: PostgresConfiguration(connectionString: url),
///     users: [try StaticUser(argument: "alice:secret")]
/// )
/// ```
public struct ServerConfiguration: Sendable {
    /// The database holding the events log and the topics.
    public var database: PostgresConfiguration
    /// The address both endpoints bind to.
    public var host: String
    /// The HTTP port (WebSocket `/stomp`, `/healthz`); `0` picks a free port.
    public var httpPort: Int
    /// The plain STOMP over TCP port; `0` picks a free port.
    public var stompPort: Int
    /// Who may connect.
    public var authenticator: Authenticator
    /// Whether `SEND` and `SUBSCRIBE` to an unknown `/topic/<name>` create an application topic.
    public var autoCreateTopics: Bool
    /// The limits and heart-beat wishes of every STOMP session.
    public var session: STOMPSession.Configuration
    /// The broker's queue limits and slow-consumer policy.
    public var broker: Broker.Configuration
    /// The most pooled database connections for replays and publishing.
    public var maxDatabaseConnections: Int
    /// How long a client may take to accept written bytes before its connection is closed.
    public var writeTimeout: Duration
    /// The history API's page sizes and timeouts.
    public var history: HistoryConfiguration
    /// On SIGTERM, how long `/readyz` answers 503 before sessions are ended, so a load
    /// balancer stops sending clients first; zero by default.
    public var drainDelay: Duration = .zero
    /// After the drain delay, how long in-flight work (HTTP exports, closing sessions) may
    /// take before it is cancelled and the process exits; 30 s by default.
    public var shutdownTimeout: Duration = .seconds(30)
    /// How often events past their topic's retention are deleted; `nil` never (another
    /// process or a scheduled `SELECT pglive.prune()` does it); every minute by default.
    public var pruneInterval: Duration? = .seconds(60)
    /// Which browser pages may open WebSockets: the server's own origin plus these.
    public var allowedOrigins = OriginPolicy()
    /// The most STOMP sessions open in the process; `nil` for no limit; 10,000 by default.
    public var maxSessions: Int? = 10_000
    /// The most STOMP sessions open from one client IP address; `nil` for no limit; 1,000 by default.
    public var maxSessionsPerAddress: Int? = 1_000

    /// TLS for both endpoints; `nil` (the default) serves plain HTTP and STOMP.
    public var tls: ServerTLS?
    /// How long an HTTP connection may sit idle or take to send a request; 60 s by default.
    public var httpIdleTimeout: Duration = .seconds(60)

    /// The largest WebSocket message: one whole STOMP frame at the parser's limits (a
    /// client may also split a frame over many messages).
    var maxWebSocketMessageSize: Int {
        self.session.limits.maxBufferedByteCount + self.session.limits.maxHeaderCount * self.session.limits.maxHeaderLineLength
    }

    /// Both session limits, for the admission.
    var sessionLimits: SessionAdmission.Limits {
        SessionAdmission.Limits(maxSessions: self.maxSessions, maxSessionsPerAddress: self.maxSessionsPerAddress)
    }

    /// Creates a configuration with the defaults of `pglive serve`.
    ///
    /// - Parameters:
    ///   - database: The database.
    ///   - host: The address to bind; `127.0.0.1` by default.
    ///   - httpPort: The HTTP port; 8080 by default.
    ///   - stompPort: The STOMP over TCP port; 61613 by default.
    ///   - authenticator: Who may connect.
    ///   - autoCreateTopics: Whether unknown application topics are created on first use.
    ///   - session: The STOMP session configuration.
    ///   - maxDatabaseConnections: The pool size; 8 by default.
    ///   - writeTimeout: How long a client may stall a write; 30 s by default.
    public init(
        database: PostgresConfiguration,
        host: String = "127.0.0.1",
        httpPort: Int = 8080,
        stompPort: Int = 61613,
        authenticator: Authenticator,
        autoCreateTopics: Bool = false,
        session: STOMPSession.Configuration = STOMPSession.Configuration(serverVersion: PGLiveServer.version),
        maxDatabaseConnections: Int = 8,
        writeTimeout: Duration = .seconds(30)
    ) {
        self.database = database
        self.host = host
        self.httpPort = httpPort
        self.stompPort = stompPort
        self.authenticator = authenticator
        self.autoCreateTopics = autoCreateTopics
        self.session = session
        self.broker = Broker.Configuration()
        self.maxDatabaseConnections = maxDatabaseConnections
        self.writeTimeout = writeTimeout
        self.history = HistoryConfiguration()
    }
}
