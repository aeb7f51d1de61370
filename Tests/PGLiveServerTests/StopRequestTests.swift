import PGLiveServer
import PostgresTestSupport
import Testing

/// A stop request handed to `PGLiveServer.run`: how `pglive serve` and `pglive demo` turn a
/// SIGINT or SIGTERM trapped since the command started into a graceful stop.
@Suite struct StopRequestTests {
    @Test func aStopRequestedBeforeTheServerIsUpStopsItOnceItIs() async throws {
        // The demo's window: a Ctrl-C after its last startup check and before the server
        // ran. The request must be kept, not lost, and the server must come up and stop.
        let database = try await TestServer.sharedDatabase.value
        let server = PGLiveServer(
            configuration: ServerConfiguration(
                database: database.configuration, httpPort: 0, stompPort: 0,
                authenticator: Authenticator(users: [try StaticUser(argument: "alice:secret")], allowsAnonymous: false)),
            logger: TestPostgres.logger)
        try await Deadline.within("the server to stop on the early request") {
            try await server.run(gracefulShutdownSignals: [], stopWhen: {})
        }
    }
}
