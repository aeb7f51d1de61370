import Authorization
import Foundation
import NIOCore
import PostgresTestSupport
import STOMP
import Testing

/// Per-topic, per-verb authorisation from the token's `pglive` claim over STOMP: denials
/// name the verb and the topic, close the session, and leak nothing.
@Suite(.serialized) struct TopicAuthorisationTests {
    /// A connected TCP client whose token grants `access`.
    func client(_ server: TestServer, _ access: AccessClaim) async throws -> STOMPTestClient {
        let client = try await STOMPTestClient(port: server.stompPort)
        try await client.send(.connect, ["accept-version": "1.2", "passcode": try await TestTokens.token(access: access)])
        _ = try await client.next(.connected)
        return client
    }

    @Test func aSubscribeOutsideTheReadPatternsIsAnErrorNamingVerbAndTopicAndNothingIsDelivered() async throws {
        let server = try await TestServer.secured.value
        try await server.sql("CREATE TABLE authz_secret (id int PRIMARY KEY, note text)")
        try await server.sql("SELECT pglive.publish_table('authz_secret')")
        try await server.sql("INSERT INTO authz_secret VALUES (1, 'classified')")
        let client = try await client(server, AccessClaim(read: ["authz_public.*"]))

        try await client.send(.subscribe, ["destination": "/topic/authz_secret", "id": "0", "from-position": "0", "receipt": "r1"])

        let error = try await client.next(.error)
        #expect(error.headers["message"] == "access denied")
        #expect(error.headers["receipt-id"] == "r1")
        #expect(String(buffer: error.body) == "tenant-42 may not read topic 'authz_secret'.")
        try await client.waitClosed()
        #expect(client.inbox.frames.allSatisfy { $0.command != .message && $0.command != .receipt })
        #expect(!client.inbox.frames.contains { String(buffer: $0.body).contains("classified") })
    }

    @Test func aDeniedTopicThatDoesNotExistIsDeniedNotUnknownAndIsNotCreated() async throws {
        let server = try await TestServer.secured.value
        let reader = try await client(server, AccessClaim(read: ["sensors"]))
        try await reader.send(.subscribe, ["destination": "/topic/authz_nowhere", "id": "0"])
        #expect(try await reader.next(.error).headers["message"] == "access denied")

        let writer = try await client(server, AccessClaim(publish: ["chat.*"]))
        try await writer.send(.send, ["destination": "/topic/authz_created"], body: "x")
        #expect(try await writer.next(.error).headers["message"] == "access denied")
        let topics = try await server.sql("SELECT count(*) AS n FROM pglive.topics WHERE name IN ('authz_nowhere', 'authz_created')")
        #expect(try topics[0].decode("n", as: Int.self) == 0)
    }

    @Test func aSendOutsideThePublishPatternsIsRefusedAndNothingIsStored() async throws {
        let server = try await TestServer.secured.value
        try await server.sql("SELECT pglive.create_topic('authz.news')")
        try await server.sql("SELECT pglive.create_topic('chat.authz')")
        let client = try await client(server, AccessClaim(read: ["authz.news"], publish: ["chat.*"]))

        try await client.send(.send, ["destination": "/topic/chat.authz", "receipt": "ok"], body: "allowed")
        #expect(try await client.next(.receipt).headers["receipt-id"] == "ok")
        try await client.send(.send, ["destination": "/topic/authz.news", "receipt": "no"], body: "forged")

        let error = try await client.next(.error)
        #expect(error.headers["message"] == "access denied")
        #expect(error.headers["receipt-id"] == "no")
        #expect(String(buffer: error.body) == "tenant-42 may not publish topic 'authz.news'.")
        try await client.waitClosed()
        let stored = try await server.sql("SELECT topic FROM pglive.events WHERE topic IN ('authz.news', 'chat.authz')")
        #expect(try stored.map { try $0.decode("topic", as: String.self) } == ["chat.authz"])
    }

    @Test func aTransactionWithOneForbiddenSendStoresNothing() async throws {
        let server = try await TestServer.secured.value
        try await server.sql("SELECT pglive.create_topic('chat.authz_tx')")
        try await server.sql("SELECT pglive.create_topic('authz.tx_other')")
        let client = try await client(server, AccessClaim(publish: ["chat.*"]))
        try await client.send(.begin, ["transaction": "t"])
        try await client.send(.send, ["destination": "/topic/chat.authz_tx", "transaction": "t"], body: "one")
        try await client.send(.send, ["destination": "/topic/authz.tx_other", "transaction": "t"], body: "two")
        try await client.send(.commit, ["transaction": "t", "receipt": "c"])

        let error = try await client.next(.error)
        #expect(error.headers["message"] == "access denied")
        #expect(String(buffer: error.body).contains("publish topic 'authz.tx_other'"))
        let stored = try await server.sql("SELECT count(*) AS n FROM pglive.events WHERE topic IN ('chat.authz_tx', 'authz.tx_other')")
        #expect(try stored[0].decode("n", as: Int.self) == 0)
    }

    @Test func aTokenWithoutThePGLiveClaimConnectsButMayNeitherReadNorPublish() async throws {
        let server = try await TestServer.secured.value
        try await server.sql("SELECT pglive.create_topic('authz.none')")
        let client = try await STOMPTestClient(port: server.stompPort)
        try await client.send(.connect, ["accept-version": "1.2", "passcode": try await TestTokens.token(access: nil)])
        _ = try await client.next(.connected)
        try await client.send(.subscribe, ["destination": "/topic/authz.none", "id": "0"])
        #expect(String(buffer: try await client.next(.error).body).contains("may not read topic 'authz.none'"))
    }
}
