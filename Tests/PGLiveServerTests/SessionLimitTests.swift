import Foundation
import NIOCore
import PGLiveServer
import PostgresTestSupport
import STOMP
import Testing

/// Every session limit over real sockets: the client past it gets an ERROR naming the
/// limit, and sessions already open keep receiving.
@Suite(.serialized) struct SessionLimitTests {
    /// A server on the shared database with `configure` applied and a table topic of its own.
    static func server(topic: String, _ configure: @escaping (inout ServerConfiguration) -> Void) async throws -> TestServer {
        let server = try await TestServer(database: TestServer.sharedDatabase.value, configure: configure)
        try await server.sql("CREATE TABLE \(topic) (id int PRIMARY KEY)")
        try await server.sql("SELECT pglive.publish_table('\(topic)')")
        return server
    }

    /// Inserts row `id` and expects every client to receive it.
    static func expectDelivery(of id: Int, to clients: [STOMPTestClient], server: TestServer, topic: String) async throws {
        try await server.sql("INSERT INTO \(topic) VALUES ($1)", [id])
        for client in clients {
            let message = try await client.next(.message)
            let row = try JSONSerialization.jsonObject(with: Data(buffer: message.body)) as? [String: Int]
            #expect(row == ["id": id])
        }
    }

    /// Waits for the ERROR a refused or ended connection gets, and for the close after it.
    static func expectError(_ client: STOMPTestClient, message: String) async throws -> STOMPFrame {
        let error = try await client.next(.error)
        #expect(error.headers["message"] == message)
        try await client.waitClosed()
        return error
    }

    @Test func aSessionPastTheProcessLimitGetsAnErrorAndTheOthersKeepReceiving() async throws {
        let server = try await Self.server(topic: "limit_process") { $0.maxSessions = 2 }
        defer { Task { await server.stop() } }
        let first = try await STOMPTestClient.connected(port: server.stompPort)
        let second = try await STOMPTestClient.connected(port: server.stompPort)
        for client in [first, second] { try await client.subscribe("/topic/limit_process") }

        let third = try await STOMPTestClient(port: server.stompPort)
        let error = try await Self.expectError(third, message: "too many sessions")
        #expect(String(buffer: error.body) == "The server has its limit of 2 sessions open; try again later.")
        try await Self.expectDelivery(of: 1, to: [first, second], server: server, topic: "limit_process")

        // A closed session frees its slot, before it counts as closed in the metrics.
        await first.close()
        try await Deadline.waitUntil("the first session to end") {
            let metrics = try PrometheusExposition(try await RawHTTP.get("/metrics", port: server.httpPort).body)
            return metrics.value("pglive_stomp_sessions_open", ["transport": "tcp"]) == 1
        }
        let newcomer = try await STOMPTestClient.connected(port: server.stompPort)
        await newcomer.close()
    }

    @Test func aSessionPastTheLimitOfItsAddressGetsAnErrorWhileOtherAddressesConnect() async throws {
        let server = try await Self.server(topic: "limit_address") { $0.maxSessionsPerAddress = 1 }
        defer { Task { await server.stop() } }
        let first = try await STOMPTestClient.connected(port: server.stompPort)
        try await first.subscribe("/topic/limit_address")

        let second = try await STOMPTestClient(port: server.stompPort)
        let error = try await Self.expectError(second, message: "too many sessions from 127.0.0.1")
        #expect(String(buffer: error.body) == "Clients at 127.0.0.1 have the limit of 1 sessions open; close one first.")

        let elsewhere = try await STOMPTestClient.connected(port: server.stompPort, from: "127.0.0.2")
        try await elsewhere.subscribe("/topic/limit_address")
        try await Self.expectDelivery(of: 1, to: [first, elsewhere], server: server, topic: "limit_address")
    }

    @Test func subscriptionBodyAndHeaderLimitsEachEndOnlyTheSessionThatPassedThem() async throws {
        let server = try await Self.server(topic: "limit_frames") { configuration in
            configuration.session.maxSubscriptions = 2
            configuration.session.limits.maxBodySize = 1_024
            configuration.session.limits.maxHeaderCount = 8
        }
        defer { Task { await server.stop() } }
        try await server.sql("SELECT pglive.create_topic('limit_frames.chat')")
        let bystander = try await STOMPTestClient.connected(port: server.stompPort)
        try await bystander.subscribe("/topic/limit_frames")

        let subscriber = try await STOMPTestClient.connected(port: server.stompPort)
        try await subscriber.subscribe("/topic/limit_frames", id: "a")
        try await subscriber.subscribe("/topic/limit_frames", id: "b")
        try await subscriber.send(.subscribe, ["destination": "/topic/limit_frames", "id": "c"])
        let tooMany = try await Self.expectError(subscriber, message: "subscription count limit exceeded")
        #expect(String(buffer: tooMany.body) == "The session's subscription count would exceed the limit of 2.")

        let sender = try await STOMPTestClient.connected(port: server.stompPort)
        try await sender.send(.send, ["destination": "/topic/limit_frames.chat"], body: String(repeating: "x", count: 1_025))
        let tooLarge = try await Self.expectError(sender, message: "body size limit exceeded")
        #expect(String(buffer: tooLarge.body) == "The frame's body size exceeds the limit of 1024.")

        let chatty = try await STOMPTestClient.connected(port: server.stompPort)
        var headers: STOMPHeaders = ["destination": "/topic/limit_frames.chat"]
        for index in 0..<8 { headers.add(name: "x-\(index)", value: "v") }
        try await chatty.send(.send, headers, body: "hi")
        _ = try await Self.expectError(chatty, message: "header count limit exceeded")

        try await Self.expectDelivery(of: 1, to: [bystander], server: server, topic: "limit_frames")
    }

    /// The deadline is 2 s, not less: under a loaded CI machine the well-behaved client's
    /// own CONNECT has been seen to take longer than 300 ms to be processed, which ended it
    /// with the very error this test expects only for the silent ones.
    @Test func aConnectionThatNeverSendsConnectIsClosedAtTheDeadline() async throws {
        let server = try await Self.server(topic: "limit_connect") { $0.session.connectTimeout = .seconds(2) }
        defer { Task { await server.stop() } }
        let connected = try await STOMPTestClient.connected(port: server.stompPort)
        try await connected.subscribe("/topic/limit_connect")

        // Over TCP and over WebSocket, where the upgrade alone is not a session; both wait at once.
        let silent = try await STOMPTestClient(port: server.stompPort)
        let webSocket = try await WebSocketTestClient(port: server.httpPort, subprotocols: ["v12.stomp"])
        let error = try await Self.expectError(silent, message: "connect timeout")
        #expect(String(buffer: error.body) == "No CONNECT frame was sent and accepted within 2000 ms of opening the connection.")
        #expect(try await webSocket.nextFrame().headers["message"] == "connect timeout")
        try await webSocket.waitClosed()

        try await Self.expectDelivery(of: 1, to: [connected], server: server, topic: "limit_connect")
    }

    @Test func aSessionSendingFasterThanItsRateGetsAnErrorAndOthersAreUnaffected() async throws {
        let server = try await Self.server(topic: "limit_rate") { $0.session.sendRate = RateLimit(perSecond: 1, burst: 3) }
        defer { Task { await server.stop() } }
        try await server.sql("SELECT pglive.create_topic('limit_rate.chat')")
        let listener = try await STOMPTestClient.connected(port: server.stompPort)
        try await listener.subscribe("/topic/limit_rate")
        let sender = try await STOMPTestClient.connected(port: server.stompPort)
        let calm = try await STOMPTestClient.connected(port: server.stompPort)

        for number in 0..<4 {
            try await sender.send(.send, ["destination": "/topic/limit_rate.chat"], body: "\(number)")
        }
        let error = try await Self.expectError(sender, message: "SEND rate limit exceeded")
        #expect(String(buffer: error.body) == "The session sent SEND frames faster than 1 per second (bursts of 3).")

        try await calm.send(.send, ["destination": "/topic/limit_rate.chat", "receipt": "r"], body: "calm")
        _ = try await calm.next(.receipt)
        try await Self.expectDelivery(of: 1, to: [listener], server: server, topic: "limit_rate")
    }
}
