import Authorization
import Foundation
import NIOCore
import PostgresTestSupport
import STOMP
import Testing

/// Bearer tokens in STOMP `CONNECT` over TCP and WebSocket against a real server: what is
/// accepted, what is refused and why, and the end of a session at its token's expiry.
@Suite(.serialized) struct TokenAuthenticationTests {
    @Test func anHS256TokenInThePasscodeOrInAnAuthorizationHeaderOpensATCPSession() async throws {
        let server = try await TestServer.secured.value
        let token = try await TestTokens.token()
        let viaPasscode = try await STOMPTestClient(port: server.stompPort)
        try await viaPasscode.send(.connect, ["accept-version": "1.2", "login": "anything", "passcode": token])
        #expect(try await viaPasscode.next(.connected).headers["version"] == "1.2")

        let viaHeader = try await STOMPTestClient(port: server.stompPort)
        try await viaHeader.send(.connect, ["accept-version": "1.2", "Authorization": "Bearer \(token)"])
        #expect(try await viaHeader.next(.connected).headers["version"] == "1.2")
    }

    @Test func anES256TokenOpensAWebSocketSession() async throws {
        let server = try await TestServer.secured.value
        let token = try await TestTokens.token(signature: .es256)
        let client = try await WebSocketTestClient(port: server.httpPort, subprotocols: ["v12.stomp"])
        try await client.send("CONNECT\naccept-version:1.2\nlogin:tenant-42\npasscode:\(token)\n\n\0")
        #expect(try await client.nextFrame().command == .connected)
    }

    @Test func staticUsersStillConnectOnAServerThatAcceptsTokens() async throws {
        let server = try await TestServer.secured.value
        _ = try await STOMPTestClient.connected(port: server.stompPort)
    }

    @Test func refusedTokensEndTheTCPConnectionWithTheReason() async throws {
        let server = try await TestServer.secured.value
        for (name, token, reason) in try await TestTokens.refused() {
            let client = try await STOMPTestClient(port: server.stompPort)
            try await client.send(.connect, ["accept-version": "1.2", "login": "x", "passcode": token])
            let error = try await client.next(.error)
            #expect(error.headers["message"] == "authentication failed", "\(name)")
            #expect(String(buffer: error.body).contains(reason), "\(name): \(String(buffer: error.body))")
            #expect(!String(buffer: error.body).contains(token), "\(name)")
            try await client.waitClosed()
            #expect(client.inbox.frames.allSatisfy { $0.command != .connected }, "\(name)")
        }
    }

    @Test func refusedTokensEndTheWebSocketConnectionWithTheReason() async throws {
        let server = try await TestServer.secured.value
        for (name, token, reason) in try await TestTokens.refused() {
            let client = try await WebSocketTestClient(port: server.httpPort, subprotocols: ["v12.stomp"])
            try await client.send("CONNECT\naccept-version:1.2\nAuthorization:Bearer \(token)\n\n\0")
            let error = try await client.nextFrame()
            #expect(error.command == .error, "\(name)")
            #expect(error.headers["message"] == "authentication failed", "\(name)")
            #expect(String(buffer: error.body).contains(reason), "\(name): \(String(buffer: error.body))")
            try await client.waitClosed()
        }
    }

    @Test func aSessionIsClosedWithTokenExpiredWhenItsTokenExpires() async throws {
        let server = try await TestServer.secured.value
        try await server.sql("SELECT pglive.create_topic('expiry.feed')")
        // At most the token's exp: taken first, it cannot be a second later.
        let expiry = Date(timeIntervalSince1970: (Date().timeIntervalSince1970 + 5).rounded(.down))
        let token = try await TestTokens.token(expiresIn: 5)
        let client = try await STOMPTestClient(port: server.stompPort)
        try await client.send(.connect, ["accept-version": "1.2", "heart-beat": "0,0", "login": "x", "passcode": token])
        _ = try await client.next(.connected)
        try await client.subscribe("/topic/expiry.feed")
        try await server.sql("SELECT pglive.publish('expiry.feed', '{\"n\":1}'::jsonb)")
        _ = try await client.next(.message)

        let error = try await client.next(.error, timeout: .seconds(10))
        #expect(Date() >= expiry.addingTimeInterval(-0.05))
        #expect(error.headers["message"] == "token expired")
        try await client.waitClosed()
    }

    @Test func aTokenInTheWebSocketURLIsRefusedBeforeTheUpgrade() async throws {
        let server = try await TestServer.secured.value
        let token = try await TestTokens.token()
        for query in ["access_token=\(token)", "t=\(token)", "passcode=secret"] {
            let client = try await WebSocketTestClient(port: server.httpPort, subprotocols: ["v12.stomp"], path: "/stomp?\(query)")
            #expect(client.responseHead.hasPrefix("http/1.1 400"), "\(query): \(client.responseHead)")
            #expect(!client.responseHead.contains("upgrade: websocket"), "\(query)")
        }
        let plain = try await WebSocketTestClient(port: server.httpPort, subprotocols: ["v12.stomp"], path: "/stomp?v=2")
        #expect(plain.responseHead.hasPrefix("http/1.1 101"))
    }
}
