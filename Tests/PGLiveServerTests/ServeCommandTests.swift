import NIOCore
import NIOPosix
import Foundation
import PostgresTestSupport
import STOMP
import Testing

/// The `pglive serve` binary: refusing to start without an access rule, and graceful shutdown.
@Suite(.serialized) struct ServeCommandTests {
    @Test func serveWithoutUsersOrAnonymousAccessRefusesToStartAndSaysWhy() async throws {
        let result = try await PGLiveProcess.run(["serve", "--database-url", "postgresql://127.0.0.1:1/none"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("serve needs --user NAME:PASSWORD, a token key"))
        #expect(result.stderr.contains("or --allow-anonymous"))
    }

    @Test func anInvalidUserFlagIsRefusedWithAClearMessage() async throws {
        let result = try await PGLiveProcess.run(["serve", "--user", ":s3cret-password"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("--user takes NAME:PASSWORD"))
        #expect(!result.stderr.contains("s3cret-password"))
    }

    @Test func aDatabasePasswordNeverReachesTheOutputWhenTheDatabaseCannotBeReached() async throws {
        let result = try await PGLiveProcess.run([
            "serve", "--database-url", "postgresql://bob:Sup3r-db-Secret@127.0.0.1:1/none", "--user", "a:b",
            "--http-port", "0", "--stomp-port", "0", "--log-level", "trace",
        ])
        #expect(result.status != 0)
        #expect(result.stderr.contains("Connection refused"), "\(result.stderr)")
        #expect(!(result.stdout + result.stderr).contains("Sup3r-db-Secret"))
    }

    @Test func aMissingTLSKeyOrUnreadableCertificateIsRefusedWithTheReason() async throws {
        let lone = try await PGLiveProcess.run(["serve", "--user", "a:b", "--tls-certificate-file", "/nonexistent/chain.pem"])
        #expect(lone.status != 0)
        #expect(lone.stderr.contains("--tls-certificate-file and --tls-key-file go together"))
        let missing = try await PGLiveProcess.run([
            "serve", "--user", "a:b", "--tls-certificate-file", "/nonexistent/chain.pem", "--tls-key-file", "/nonexistent/key.pem",
        ])
        #expect(missing.status != 0)
        #expect(missing.stderr.contains("cannot read the TLS certificate /nonexistent/chain.pem"), "\(missing.stderr)")
    }

    @Test func sigtermEndsEverySessionWithAnErrorAndExitsZero() async throws {
        let database = try await TestServer.sharedDatabase.value
        let process = try Self.serve(on: database)
        let client = try await STOMPTestClient(port: try await process.waitForPorts().stomp)
        try await client.send(.connect, ["accept-version": "1.2"])
        _ = try await client.next(.connected)

        process.process.terminate()

        let error = try await client.next(.error)
        #expect(error.headers["message"] == "server shutting down")
        try await client.waitClosed()
        #expect(try await process.exitStatus() == 0)
        let log = process.stderr.split(separator: "\n")
        #expect(log.contains { $0.contains("session opened") && $0.contains("transport=tcp") })
        #expect(log.contains { $0.contains("session closed") && $0.contains("reason=server shutting down") })
    }

    @Test func sigtermTurnsReadinessTo503ForTheDrainDelayBeforeEndingSessions() async throws {
        let database = try await TestServer.sharedDatabase.value
        let process = try Self.serve(on: database, ["--drain-seconds", "3"])
        let ports = try await process.waitForPorts()
        try await Deadline.waitUntil("the server to be ready") { try await RawHTTP.get("/readyz", port: ports.http).status == 200 }
        let client = try await STOMPTestClient(port: ports.stomp)
        try await client.send(.connect, ["accept-version": "1.2"])
        _ = try await client.next(.connected)

        process.process.terminate()
        var draining = RawHTTP.Response(status: 0, head: "", body: "")
        try await Deadline.waitUntil("/readyz to turn 503", timeout: .seconds(3)) {
            draining = try await RawHTTP.get("/readyz", port: ports.http)
            return draining.status == 503
        }
        #expect(draining.body.contains("the server is shutting down"))
        #expect(!client.inbox.frames.contains { $0.command == .error }, "sessions last through the drain delay")

        let error = try await client.next(.error, timeout: .seconds(30))
        #expect(error.headers["message"] == "server shutting down")
        try await client.waitClosed()
        #expect(try await process.exitStatus() == 0)
    }

    @Test func sigtermCutsAnExportWhoseClientStoppedReadingAfterTheShutdownTimeout() async throws {
        let database = try await blocking { try TestPostgres.makeMigratedDatabase(label: "shutdowncut") }
        _ = try await blocking {
            try database.connect().execute("""
                CREATE TABLE bulk (id int PRIMARY KEY, pad text);
                SELECT pglive.publish_table('bulk');
                INSERT INTO bulk SELECT g, repeat('z', 500) FROM generate_series(1, 100000) g;
                """)
        }
        let process = try Self.serve(on: database, ["--shutdown-timeout", "2"])
        let ports = try await process.waitForPorts()
        let reader = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .channelOption(ChannelOptions.autoRead, value: false)
            .connect(host: "127.0.0.1", port: ports.http).get()
        try await reader.writeAndFlush(ByteBuffer(string: "GET /api/v1/topics/bulk/events?format=ndjson HTTP/1.1\r\nHost: x\r\n\r\n")).get()
        try await Deadline.waitUntil("the export to run") { try await blocking { try TestPostgres.isRunning("event_document", in: database) } }

        let stopping = ContinuousClock.now
        process.process.terminate()
        #expect(try await process.exitStatus(timeout: .seconds(20)) == 0)
        #expect(ContinuousClock.now - stopping < .seconds(15), "cut after the 2 s shutdown timeout, not the 60 s stall timeout")
        try? await reader.close()
    }

    @Test func sigtermExitsPromptlyWhileAConnectionHasNotFinishedItsFirstRequestHead() async throws {
        // A browser opens sockets ahead of need (CI's dashboard test had one); before its first
        // request head a connection waits for the WebSocket upgrade decision, which kept the
        // process up until the first-head deadline, here an hour.
        let database = try await TestServer.sharedDatabase.value
        let process = try Self.serve(on: database, ["--http-idle-timeout", "3600", "--shutdown-timeout", "2"])
        let ports = try await process.waitForPorts()
        let silent = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connect(host: "127.0.0.1", port: ports.http).get()
        try await silent.writeAndFlush(ByteBuffer(string: "GET /healthz HTTP/1.1\r\nHost: x\r\n")).get()
        // Connections are accepted in order: once a later one is answered, the server has the silent one.
        #expect(try await RawHTTP.get("/healthz", port: ports.http).status == 200)

        process.process.terminate()
        #expect(try await process.exitStatus(timeout: .seconds(40)) == 0)
        try? await silent.close()
    }

    @Test func sigtermEndsAWebSocketSessionAndExitsPromptlyEvenIfTheClientNeverAnswersTheClose() async throws {
        let database = try await TestServer.sharedDatabase.value
        let process = try Self.serve(on: database)
        let ports = try await process.waitForPorts()
        // The raw test client reads frames but never answers a WebSocket close frame.
        let client = try await WebSocketTestClient(port: ports.http, subprotocols: ["v12.stomp"])
        try await client.send("CONNECT\naccept-version:1.2\n\n\u{0}")
        #expect(try await client.nextFrame().command == .connected)

        let stopping = ContinuousClock.now
        process.process.terminate()
        #expect(try await client.nextFrame().headers["message"] == "server shutting down")
        try await client.waitClosed()
        #expect(try await process.exitStatus(timeout: .seconds(25)) == 0)
        #expect(ContinuousClock.now - stopping < .seconds(15), "the polite close is bounded (5 s), then the socket is closed")
    }

    /// `pglive serve` of the built binary on free ports, with anonymous access and without
    /// the pruning task: the shared test database holds other tests' deliberately aged
    /// events, which a pruning round (at startup, then every minute) deleted under them.
    private static func serve(on database: TestDatabase, _ options: [String] = []) throws -> PGLiveProcess {
        try PGLiveProcess(
            ["serve", "--database-url", database.url, "--allow-anonymous", "--http-port", "0", "--stomp-port", "0", "--prune-interval", "0"]
                + options)
    }
}
