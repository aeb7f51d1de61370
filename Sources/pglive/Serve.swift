import ArgumentParser
import Foundation
import Logging
import PGLiveServer
import PostgresLibPQ

/// `pglive serve`: the STOMP server over WebSocket and TCP, fed by the events log.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serve live topics over STOMP (WebSocket /stomp on the HTTP port, and plain TCP).",
        discussion: """
            Needs --user NAME:PASSWORD (repeatable), a token key (--jwt-secret-file, \
            $PGLIVE_JWT_SECRET, --jwt-public-key-file or --jwt-jwks-file) or --allow-anonymous: \
            without any, no client could connect, so serve refuses to start. Static users and \
            anonymous clients may read and publish everything (anonymous: unless \
            --anonymous-access says otherwise); a token may do what its "pglive" claim grants. \
            SIGTERM or SIGINT ends every session with an ERROR "server shutting down" and exits 0.

            Every option can also be set by an environment variable PGLIVE_<NAME> (for example \
            PGLIVE_HTTP_PORT=9000, PGLIVE_ALLOW_ANONYMOUS=true) or by a line "name = value" in the \
            --config file (for example "http-port = 9000"; "user" may repeat). Precedence: \
            command line, then environment, then file; a setting comes whole from the highest \
            source that has it.
            """)

    @OptionGroup var database: DatabaseOption

    @Option(help: ArgumentHelp(
        "A configuration file of name = value lines (default: $PGLIVE_CONFIG).", valueName: "path"))
    var config: String?

    @Option(help: ArgumentHelp("trace, debug, info, notice, warning, error or critical.", valueName: "level"))
    var logLevel: Logger.Level = .info

    @Option(help: ArgumentHelp("The address to listen on.", valueName: "address"))
    var host: String = "127.0.0.1"

    @Option(help: ArgumentHelp("The HTTP port: WebSocket /stomp and /healthz.", valueName: "port"))
    var httpPort: Int = 8080

    @Option(help: ArgumentHelp("The plain STOMP over TCP port.", valueName: "port"))
    var stompPort: Int = 61613

    @Option(name: .customLong("user"), help: ArgumentHelp("A user allowed to connect (repeatable).", valueName: "name:password"))
    var users: [String] = []

    @Flag(help: "Accept CONNECT frames and HTTP requests without credentials.")
    var allowAnonymous: Bool = false

    @OptionGroup(title: "Bearer tokens (JWT)") var tokens: TokenOptions

    @OptionGroup(title: "Limits") var limits: LimitOptions

    @Option(help: ArgumentHelp(
        "A PEM certificate chain: serve HTTPS/wss:// and STOMP over TLS on both ports (needs --tls-key-file).", valueName: "path"))
    var tlsCertificateFile: String?

    @Option(help: ArgumentHelp("The PEM private key of --tls-certificate-file.", valueName: "path"))
    var tlsKeyFile: String?

    @Flag(help: "SEND and SUBSCRIBE to an unknown /topic/<name> create it as an application topic.")
    var autoCreateTopics: Bool = false

    @Option(
        name: .customLong("allowed-origin"),
        help: ArgumentHelp(
            "A browser origin (scheme://host[:port], :* for any port, * for all) whose pages may open WebSockets besides the server's own (repeatable).",
            valueName: "origin"))
    var allowedOrigins: [String] = []

    @Option(help: ArgumentHelp(
        "On SIGTERM, answer /readyz with 503 for this long before ending sessions, so a load balancer drains first.",
        valueName: "seconds"))
    var drainSeconds: Double = 0

    @Option(help: ArgumentHelp(
        "On SIGTERM, after the drain, how long in-flight exports and closing sessions may take before they are cut.",
        valueName: "seconds"))
    var shutdownTimeout: Double = 30

    @Option(help: ArgumentHelp(
        "How often to delete events past their topic's retention (0: never, e.g. when a scheduled SELECT pglive.prune() does it).",
        valueName: "seconds"))
    var pruneInterval: Double = 60

    func validate() throws {
        for port in [httpPort, stompPort] where !(0...65535).contains(port) {
            throw ValidationError("ports are 0...65535, not \(port)")
        }
        guard drainSeconds >= 0, drainSeconds <= 3600 else {
            throw ValidationError("--drain-seconds is 0...3600, not \(drainSeconds)")
        }
        guard shutdownTimeout > 0, shutdownTimeout <= 3600 else {
            throw ValidationError("--shutdown-timeout is more than 0 and at most 3600, not \(shutdownTimeout)")
        }
        guard pruneInterval >= 0, pruneInterval <= 86400 else {
            throw ValidationError("--prune-interval is 0...86400, not \(pruneInterval)")
        }
        guard !users.isEmpty || allowAnonymous || tokens.hasKeys else {
            throw ValidationError(
                "serve needs --user NAME:PASSWORD, a token key (--jwt-secret-file, --jwt-public-key-file, --jwt-jwks-file) "
                    + "or --allow-anonymous; without any no client could connect")
        }
        _ = try staticUsers()
        _ = try tls()
    }

    func run() async throws {
        let stop = await ShutdownSignal.trap()
        var logger = Logger(label: "pglive.serve")
        logger.logLevel = logLevel
        var configuration = ServerConfiguration(
            database: database.configuration(applicationName: "pglive serve"),
            host: host, httpPort: httpPort, stompPort: stompPort,
            authenticator: Authenticator(
                users: try staticUsers(), allowsAnonymous: allowAnonymous, anonymousAccess: try tokens.anonymousPolicy(),
                tokens: try await tokens.verifier()),
            autoCreateTopics: autoCreateTopics)
        configuration.drainDelay = .milliseconds(Int64(drainSeconds * 1000))
        configuration.allowedOrigins = OriginPolicy(allowed: allowedOrigins)
        configuration.shutdownTimeout = .milliseconds(Int64(shutdownTimeout * 1000))
        configuration.pruneInterval = pruneInterval > 0 ? .milliseconds(Int64(pruneInterval * 1000)) : nil
        limits.apply(to: &configuration)
        configuration.tls = try tls()
        try await ServerLauncher.run(configuration, logger: logger, stop: stop)
    }

    /// The TLS certificate and key, when both are given.
    private func tls() throws -> ServerTLS? {
        switch (tlsCertificateFile, tlsKeyFile) {
        case (nil, nil):
            return nil
        case (let certificate?, let key?):
            do {
                return try ServerTLS(certificateFile: certificate, keyFile: key)
            } catch {
                throw ValidationError(error.description)
            }
        default:
            throw ValidationError("--tls-certificate-file and --tls-key-file go together")
        }
    }

    /// The `--user` values, parsed.
    private func staticUsers() throws -> [StaticUser] {
        do {
            return try users.map { argument throws(ServerError) in try StaticUser(argument: argument) }
        } catch {
            throw ValidationError(error.detail)
        }
    }
}

extension Logger.Level: @retroactive ExpressibleByArgument {}
