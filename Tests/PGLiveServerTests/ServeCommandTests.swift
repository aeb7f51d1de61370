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

    @Test func sigtermEndsEverySessionWithAnErrorAndExitsZero() async throws {
        let database = try await TestServer.sharedDatabase.value
        let process = try PGLiveProcess([
            "serve", "--database-url", database.url, "--allow-anonymous", "--http-port", "0", "--stomp-port", "0",
        ])
        let client = try await STOMPTestClient(port: try await process.waitForPorts().stomp)
        try await client.send(.connect, ["accept-version": "1.2"])
        _ = try await client.next(.connected)

        process.process.terminate()

        let error = try await client.next(.error)
        #expect(error.headers["message"] == "server shutting down")
        try await client.waitClosed()
        #expect(try await process.exitStatus() == 0)
    }
}
