import PGLiveServer
import PostgresTestSupport
import Testing

/// Which browser pages may open a WebSocket.
@Suite struct OriginPolicyTests {
    @Test func theServersOwnOriginAndNonBrowserClientsPass() {
        let policy = OriginPolicy()
        #expect(policy.allows(origin: nil, host: "pglive.example.com"))
        #expect(policy.allows(origin: "https://pglive.example.com", host: "pglive.example.com"))
        #expect(policy.allows(origin: "http://127.0.0.1:8080", host: "127.0.0.1:8080"))
        #expect(!policy.allows(origin: "http://127.0.0.1:9999", host: "127.0.0.1:8080"))
        #expect(!policy.allows(origin: "https://evil.example", host: "pglive.example.com"))
        #expect(!policy.allows(origin: "null", host: "pglive.example.com"))
    }

    @Test func listedOriginsAnyPortAndEverything() {
        let listed = OriginPolicy(allowed: ["https://Dash.Example.com/", "http://localhost:*"])
        #expect(listed.allows(origin: "https://dash.example.com", host: "api.example.com"))
        #expect(!listed.allows(origin: "https://dash.example.com:8443", host: "api.example.com"))
        #expect(listed.allows(origin: "http://localhost:3000", host: "api.example.com"))
        #expect(listed.allows(origin: "http://localhost", host: "api.example.com"))
        #expect(!listed.allows(origin: "https://localhost:3000", host: "api.example.com"))
        #expect(OriginPolicy(allowed: ["*"]).allows(origin: "https://anything.example", host: "x"))
    }

    @Test func anUpgradeFromAForeignPageIsRefusedAndAPlainGetSaysWhy() async throws {
        let server = try await TestServer.strict.value
        let foreign = try await WebSocketTestClient(port: server.httpPort, subprotocols: ["v12.stomp"], origin: "https://evil.example")
        // Every refused upgrade gets a bare 400 (STOMPUpgradeChannel); a plain GET gets the reason.
        #expect(foreign.responseHead.hasPrefix("http/1.1 400"))
        #expect(!foreign.responseHead.contains("upgrade: websocket"))
        let reason = try await RawHTTP.get("/stomp", port: server.httpPort, headers: ["Origin: https://evil.example"])
        #expect(reason.status == 403)
        #expect(reason.body.contains("evil.example are not allowed"))
        let own = try await WebSocketTestClient(
            port: server.httpPort, subprotocols: ["v12.stomp"], origin: "http://127.0.0.1:\(server.httpPort)")
        #expect(own.responseHead.hasPrefix("http/1.1 101"))
    }
}
