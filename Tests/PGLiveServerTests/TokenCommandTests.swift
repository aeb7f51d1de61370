import Foundation
import PostgresTestSupport
import STOMP
import Testing

/// `pglive token` and the token flags of `pglive serve`, as processes: a token the CLI
/// prints is accepted by the server, secrets stay out of the logs, and bad input is
/// refused with a clear message.
@Suite(.serialized) struct TokenCommandTests {
    /// A secret file in the temporary folder, with a trailing newline as `echo` writes it.
    func secretFile(_ secret: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("pglive-secret-\(UUID().uuidString)").path
        try Data((secret + "\n").utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    static let secret = "cli test secret, long enough for HS256: 0123456789"

    @Test func aTokenPrintedByPgliveTokenIsAcceptedByPgliveServe() async throws {
        let database = try await TestServer.sharedDatabase.value
        let secretPath = try secretFile(Self.secret)
        defer { try? FileManager.default.removeItem(atPath: secretPath) }
        try await blocking { _ = try database.connect().query("SELECT pglive.create_topic('chat.cli')") }
        try await blocking { _ = try database.connect().query("SELECT pglive.create_topic('cli_private')") }

        let issued = try await PGLiveProcess.run([
            "token", "--secret-file", secretPath, "--subject", "bob", "--read", "chat.*", "--publish", "chat.*",
            "--filter", "chat.*=kind=eq.x", "--expires-in", "5m",
        ])
        #expect(issued.status == 0, "\(issued.stderr)")
        let token = issued.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(token.split(separator: ".").count == 3)
        let fromEnvironment = try await PGLiveProcess.run(
            ["token", "--subject", "carol", "--read", "*"], environment: ["PGLIVE_JWT_SECRET": Self.secret])
        #expect(fromEnvironment.status == 0, "\(fromEnvironment.stderr)")

        let process = try PGLiveProcess([
            "serve", "--database-url", database.url, "--http-port", "0", "--stomp-port", "0", "--jwt-secret-file", secretPath,
            "--allow-anonymous", "--anonymous-access", #"{"read": ["chat.*"]}"#,
            // The shared database holds other tests' aged events: no pruning round here.
            "--prune-interval", "0",
        ])
        let ports = try await process.waitForPorts()

        let bob = try await STOMPTestClient(port: ports.stomp)
        try await bob.send(.connect, ["accept-version": "1.2", "login": "bob", "passcode": token])
        #expect(try await bob.next(.connected).headers["version"] == "1.2")
        try await bob.subscribe("/topic/chat.cli")
        try await bob.send(.subscribe, ["destination": "/topic/cli_private", "id": "1"])
        #expect(try await bob.next(.error).headers["message"] == "access denied")

        let carol = try await STOMPTestClient(port: ports.stomp)
        try await carol.send(.connect, ["accept-version": "1.2", "passcode": fromEnvironment.stdout.trimmingCharacters(in: .whitespacesAndNewlines)])
        _ = try await carol.next(.connected)
        try await carol.subscribe("/topic/cli_private")

        let anonymous = try await STOMPTestClient(port: ports.stomp)
        try await anonymous.send(.connect, ["accept-version": "1.2"])
        _ = try await anonymous.next(.connected)
        try await anonymous.subscribe("/topic/chat.cli")
        try await anonymous.send(.send, ["destination": "/topic/chat.cli"], body: "x")
        #expect(String(buffer: try await anonymous.next(.error).body) == "anonymous may not publish topic 'chat.cli'.")

        let http = try await RawHTTP.get("/api/v1/topics/chat.cli/events", port: ports.http, headers: ["Authorization: Bearer \(token)"])
        #expect(http.status == 200, "\(http.body)")

        let refused = try await STOMPTestClient(port: ports.stomp)
        try await refused.send(.connect, ["accept-version": "1.2", "login": "bob", "passcode": String(token.dropLast(2)) + "xx"])
        #expect(try await refused.next(.error).headers["message"] == "authentication failed")

        try await Deadline.waitUntil("the denial in the log") { process.stderr.contains("STOMP access denied") }
        #expect(process.stderr.contains("subject=bob"), "\(process.stderr)")
        #expect(!process.stderr.contains(token.split(separator: ".")[2]), "the log shows a token")
        #expect(!process.stderr.contains(Self.secret), "the log shows the secret")
        process.process.terminate()
        #expect(try await process.exitStatus() == 0)
    }

    @Test func badKeysAndClaimsAreRefusedWithAClearMessage() async throws {
        let short = try secretFile("short")
        defer { try? FileManager.default.removeItem(atPath: short) }
        let serve = try await PGLiveProcess.run(["serve", "--database-url", "postgresql://127.0.0.1:1/none", "--jwt-secret-file", short])
        #expect(serve.status != 0)
        #expect(serve.stderr.contains("at least 32"), "\(serve.stderr)")

        let missing = try await PGLiveProcess.run(["serve", "--jwt-public-key-file", "/nonexistent/key.pem"])
        #expect(missing.status != 0)
        #expect(missing.stderr.contains("--jwt-public-key-file /nonexistent/key.pem"), "\(missing.stderr)")

        let secretPath = try secretFile(Self.secret)
        defer { try? FileManager.default.removeItem(atPath: secretPath) }
        let filter = try await PGLiveProcess.run(["token", "--secret-file", secretPath, "--subject", "x", "--filter", "orders=tenant=zz.1"])
        #expect(filter.status != 0)
        #expect(filter.stderr.contains("the filter for 'orders'"), "\(filter.stderr)")
        let pattern = try await PGLiveProcess.run(["token", "--secret-file", secretPath, "--subject", "x", "--read", "Orders"])
        #expect(pattern.status != 0)
        #expect(pattern.stderr.contains("'Orders' is not a topic pattern"), "\(pattern.stderr)")
        let anonymous = try await PGLiveProcess.run(["serve", "--allow-anonymous", "--anonymous-access", #"{"read": "x"}"#])
        #expect(anonymous.status != 0)
        #expect(anonymous.stderr.contains("--anonymous-access"), "\(anonymous.stderr)")
    }
}
