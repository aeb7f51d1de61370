import Foundation
import NIOCore
import PostgresTestSupport
import STOMP
import Testing

/// STOMP over TCP against a real server and database: the core paths.
@Suite(.serialized) struct TCPSessionTests {
    @Test func anInsertIntoAPublishedTableArrivesAsAMessageWithTheDesignHeaders() async throws {
        let server = try await TestServer.strict.value
        try await server.sql("CREATE TABLE orders_insert (id int PRIMARY KEY, status text)")
        try await server.sql("SELECT pglive.publish_table('orders_insert')")
        let client = try await STOMPTestClient.connected(port: server.stompPort)
        try await client.subscribe("/topic/orders_insert", id: "s1")

        try await server.sql("INSERT INTO orders_insert VALUES (1, 'open')")

        let message = try await client.next(.message)
        #expect(message.headers["destination"] == "/topic/orders_insert")
        #expect(message.headers["subscription"] == "s1")
        #expect(message.headers["message-id"] == "\(message.headers["position"] ?? "")-s1")
        #expect(message.headers["content-type"] == "application/json")
        #expect(message.headers["content-length"] == "\(message.body.readableBytes)")
        #expect(message.headers["op"] == "INSERT")
        #expect(Int64(message.headers["position"] ?? "") != nil)
        #expect(message.headers["committed-at"]?.hasSuffix("Z") == true, "\(message.headers)")
        // RFC 3339 in UTC with the log's microsecond precision.
        let committedAt = try #require(message.headers["committed-at"])
        #expect(committedAt.wholeMatch(of: /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z/) != nil, "\(committedAt)")
        let row = try JSONSerialization.jsonObject(with: Data(buffer: message.body)) as? [String: Any]
        #expect(row?["id"] as? Int == 1)
        #expect(row?["status"] as? String == "open")
    }

    @Test func aSendToAnApplicationTopicReachesAnotherConnectionThroughTheLog() async throws {
        let server = try await TestServer.strict.value
        try await server.sql("SELECT pglive.create_topic('chat.lobby')")
        let receiver = try await STOMPTestClient.connected(port: server.stompPort)
        try await receiver.subscribe("/topic/chat.lobby")
        let sender = try await STOMPTestClient.connected(port: server.stompPort)

        try await sender.send(.send, ["destination": "/topic/chat.lobby", "receipt": "r1", "x-room": "lobby", "content-type": "text/plain"], body: "hi")
        _ = try await sender.next(.receipt)

        let message = try await receiver.next(.message)
        #expect(String(buffer: message.body) == "hi")
        #expect(message.headers["op"] == "EVENT")
        #expect(message.headers["content-type"] == "text/plain")
        #expect(message.headers["x-room"] == "lobby")
        let stored = try await server.sql("SELECT count(*) AS n FROM pglive.events WHERE topic = 'chat.lobby'")
        #expect(try stored[0].decode("n", as: Int.self) == 1)
    }

    @Test func aCommittedTransactionDeliversItsSendsAndAnAbortedOneDoesNot() async throws {
        let server = try await TestServer.strict.value
        try await server.sql("SELECT pglive.create_topic('chat.tx')")
        let client = try await STOMPTestClient.connected(port: server.stompPort)
        try await client.subscribe("/topic/chat.tx")

        try await client.send(.begin, ["transaction": "t1"])
        try await client.send(.send, ["destination": "/topic/chat.tx", "transaction": "t1"], body: "aborted")
        try await client.send(.abort, ["transaction": "t1"])
        try await client.send(.begin, ["transaction": "t2"])
        try await client.send(.send, ["destination": "/topic/chat.tx", "transaction": "t2"], body: "one")
        try await client.send(.send, ["destination": "/topic/chat.tx", "transaction": "t2"], body: "two")
        try await client.send(.commit, ["transaction": "t2", "receipt": "c2"])
        _ = try await client.next(.receipt)

        let messages = try await client.messages(2)
        #expect(messages.map { String(buffer: $0.body) } == ["one", "two"])
        let transactions = try await server.sql("SELECT count(DISTINCT tx) AS n FROM pglive.events WHERE topic = 'chat.tx'")
        #expect(try transactions[0].decode("n", as: Int.self) == 1)
    }

    @Test func sendToATableTopicOrAnUnknownTopicIsAnError() async throws {
        let server = try await TestServer.strict.value
        try await server.sql("CREATE TABLE orders_send (id int)")
        try await server.sql("SELECT pglive.publish_table('orders_send')")
        let first = try await STOMPTestClient.connected(port: server.stompPort)
        try await first.send(.send, ["destination": "/topic/orders_send"], body: "{}")
        let refused = try await first.next(.error)
        #expect(refused.headers["message"] == "SEND refused")
        try await first.waitClosed()

        let second = try await STOMPTestClient.connected(port: server.stompPort)
        try await second.send(.subscribe, ["destination": "/topic/nope", "id": "0"])
        let unknown = try await second.next(.error)
        #expect(unknown.headers["message"] == "unknown topic")
        #expect(String(buffer: unknown.body).contains("nope"))
    }

    @Test func autoCreateTopicsCreatesAnApplicationTopicOnFirstSend() async throws {
        let server = try await TestServer.lenient.value
        let client = try await STOMPTestClient.connected(port: server.stompPort)
        try await client.subscribe("/topic/fresh")
        try await client.send(.send, ["destination": "/topic/fresh"], body: "x")
        let message = try await client.next(.message)
        #expect(String(buffer: message.body) == "x")
    }

    @Test func anInvalidSelectorIsAnErrorWithTheParsersReason() async throws {
        let server = try await TestServer.strict.value
        try await server.sql("CREATE TABLE orders_selector (id int)")
        try await server.sql("SELECT pglive.publish_table('orders_selector')")
        let client = try await STOMPTestClient.connected(port: server.stompPort)
        try await client.send(.subscribe, ["destination": "/topic/orders_selector", "id": "0", "selector": "id=zz.1", "receipt": "r"])
        let error = try await client.next(.error)
        #expect(error.headers["message"] == "invalid selector")
        #expect(error.headers["receipt-id"] == "r")
        #expect(String(buffer: error.body).contains("condition 1"))
    }

    @Test func disconnectWithAReceiptGetsItBeforeTheClose() async throws {
        let server = try await TestServer.strict.value
        let client = try await STOMPTestClient.connected(port: server.stompPort)
        try await client.send(.disconnect, ["receipt": "bye"])
        let receipt = try await client.next(.receipt)
        #expect(receipt.headers["receipt-id"] == "bye")
        try await client.waitClosed()
    }

    /// The last frame of a session is its DISCONNECT receipt or its ERROR, even while the
    /// broker delivers to it: deliveries that reach the session after it began to end are
    /// dropped, never written after that frame. Rows are inserted without pause meanwhile,
    /// and 20 sessions end one after another, so deliveries fall into that window.
    @Test(arguments: ["receipt", "error"])
    func noMessageFollowsTheSessionsLastFrame(ending: String) async throws {
        let server = try await TestServer.strict.value
        let topic = "last_frame_\(ending)"
        try await server.sql("CREATE TABLE \(topic) (id int PRIMARY KEY)")
        try await server.sql("SELECT pglive.publish_table('\(topic)')")
        let inserter = Task {
            var next = 0
            while !Task.isCancelled {
                try await server.sql("INSERT INTO \(topic) SELECT generate_series($1::int + 1, $1::int + 10)", [next])
                next += 10
            }
        }
        defer { inserter.cancel() }

        for round in 1...20 {
            let client = try await STOMPTestClient.connected(port: server.stompPort)
            try await client.subscribe("/topic/\(topic)")
            _ = try await client.next(.message)
            if ending == "receipt" {
                try await client.send(.disconnect, ["receipt": "bye"])
            } else {
                try await client.send(.unsubscribe, ["id": "unknown"])
            }
            try await client.waitClosed()

            let frames = client.inbox.takeAll()
            let last = try #require(frames.last, "round \(round)")
            #expect(last.command == (ending == "receipt" ? .receipt : .error), "round \(round): \(last.command) \(last.headers)")
            #expect(frames.dropLast().allSatisfy { $0.command == .message }, "round \(round)")
        }
    }

    @Test func connectWithoutCredentialsOrWithAWrongPasscodeIsRefused() async throws {
        let server = try await TestServer.strict.value
        let anonymous = try await STOMPTestClient(port: server.stompPort)
        try await anonymous.send(.connect, ["accept-version": "1.2", "host": "localhost"])
        #expect(try await anonymous.next(.error).headers["message"] == "authentication failed")
        try await anonymous.waitClosed()

        let wrong = try await STOMPTestClient(port: server.stompPort)
        try await wrong.send(.connect, ["accept-version": "1.2", "login": "alice", "passcode": "nope"])
        #expect(try await wrong.next(.error).headers["message"] == "authentication failed")
    }

    @Test func anonymousClientsConnectWhenAllowed() async throws {
        let server = try await TestServer.lenient.value
        let client = try await STOMPTestClient(port: server.stompPort)
        try await client.send(.connect, ["accept-version": "1.2"])
        #expect(try await client.next(.connected).headers["version"] == "1.2")
    }
}
