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
            """)

    @OptionGroup var database: DatabaseOption

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

    @Flag(help: "SEND and SUBSCRIBE to an unknown /topic/<name> create it as an application topic.")
    var autoCreateTopics: Bool = false

    func validate() throws {
        for port in [httpPort, stompPort] where !(0...65535).contains(port) {
            throw ValidationError("ports are 0...65535, not \(port)")
        }
        guard !users.isEmpty || allowAnonymous || tokens.hasKeys else {
            throw ValidationError(
                "serve needs --user NAME:PASSWORD, a token key (--jwt-secret-file, --jwt-public-key-file, --jwt-jwks-file) "
                    + "or --allow-anonymous; without any no client could connect")
        }
        _ = try staticUsers()
    }

    func run() async throws {
        var logger = Logger(label: "pglive.serve")
        logger.logLevel = .info
        let configuration = ServerConfiguration(
            database: database.configuration(applicationName: "pglive serve"),
            host: host, httpPort: httpPort, stompPort: stompPort,
            authenticator: Authenticator(
                users: try staticUsers(), allowsAnonymous: allowAnonymous, anonymousAccess: try tokens.anonymousPolicy(),
                tokens: try await tokens.verifier()),
            autoCreateTopics: autoCreateTopics)
        try await ServerLauncher.run(configuration, logger: logger)
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
