import NIOCore
import PostgresTestSupport
import STOMP
import Testing

/// `SUBSCRIBE old-row:true` on a `keep_old` table topic, over real sockets against a real
/// log: bodies are `{"row":…,"old_row":…}`, byte for byte the two members of the history
/// API's event document, live and replayed; other subscriptions get the row alone.
@Suite(.serialized) struct OldRowTests {
    /// The topic's bodies as subscribers asking for old rows must get them, in position order.
    static let withOldRow = [
        #"{"row":{"id": 1, "note": "say \"hi\" ü", "status": "open"},"old_row":null}"#,
        #"{"row":{"id": 1, "note": "say \"hi\" ü", "status": "paid"},"old_row":{"id": 1, "note": "say \"hi\" ü", "status": "open"}}"#,
        #"{"row":{"id": 1, "note": "say \"hi\" ü", "status": "paid"},"old_row":null}"#,
    ]
    /// The same events' bodies for subscriptions that did not ask.
    static let rowOnly = [
        #"{"id": 1, "note": "say \"hi\" ü", "status": "open"}"#,
        #"{"id": 1, "note": "say \"hi\" ü", "status": "paid"}"#,
        #"{"id": 1, "note": "say \"hi\" ü", "status": "paid"}"#,
    ]

    /// Creates and publishes a `keep_old` table, then inserts, updates and deletes one row.
    private static func writeChanges(_ server: TestServer, table: String) async throws {
        try await server.sql("INSERT INTO \(table) VALUES (1, 'open', 'say \"hi\" ü')")
        try await server.sql("UPDATE \(table) SET status = 'paid' WHERE id = 1")
        try await server.sql("DELETE FROM \(table) WHERE id = 1")
    }

    private static func publish(_ server: TestServer, table: String) async throws {
        try await server.sql("CREATE TABLE \(table) (id int PRIMARY KEY, status text, note text)")
        try await server.sql("SELECT pglive.publish_table('\(table)', keep_old => true)")
    }

    /// The history API's documents of the topic's events, in position order.
    private static func documents(_ server: TestServer, topic: String) async throws -> [String] {
        try await server.sql(
            """
            SELECT pglive.event_document(position, topic, op, committed_at, row_data, old_row, body, content_type, headers) AS d
              FROM pglive.event_log WHERE topic = $1 ORDER BY position
            """, [topic]
        ).map { try $0.decode("d", as: String.self) }
    }

    @Test func liveAndReplayedBodiesCarryTheOldRowExactlyAsTheHistoryDocumentDoes() async throws {
        let server = try await TestServer.strict.value
        try await Self.publish(server, table: "kept_orders")
        let live = try await STOMPTestClient.connected(port: server.stompPort)
        try await live.subscribe("/topic/kept_orders", id: "old", ["old-row": "true"])
        try await live.subscribe("/topic/kept_orders", id: "new")
        try await Self.writeChanges(server, table: "kept_orders")

        let messages = try await live.messages(6)
        let bodies = { (id: String) in messages.filter { $0.headers["subscription"] == id }.map { String(buffer: $0.body) } }
        #expect(bodies("old") == Self.withOldRow)
        #expect(bodies("new") == Self.rowOnly)
        #expect(messages.filter { $0.headers["subscription"] == "old" }.map { $0.headers["content-length"] }
            == Self.withOldRow.map { String($0.utf8.count) })
        #expect(messages.map { $0.headers["op"] } == ["INSERT", "INSERT", "UPDATE", "UPDATE", "DELETE", "DELETE"])

        let replaying = try await STOMPTestClient.connected(port: server.stompPort)
        try await replaying.subscribe("/topic/kept_orders", id: "r", ["from-position": "earliest", "old-row": "true"])
        let replayed = try await replaying.messages(3)
        #expect(replayed.map { String(buffer: $0.body) } == Self.withOldRow)
        #expect(replayed.map { $0.headers["position"] } == messages.filter { $0.headers["subscription"] == "old" }.map { $0.headers["position"] })

        let documents = try await Self.documents(server, topic: "kept_orders")
        #expect(documents.count == 3)
        for (document, body) in zip(documents, Self.withOldRow) {
            #expect(document.hasSuffix(String(body.dropFirst())), "\(document) ends with \(body) without its brace")
        }
    }

    @Test func aWebSocketSubscriberGetsTheSameBytes() async throws {
        let server = try await TestServer.strict.value
        try await Self.publish(server, table: "kept_ws_orders")
        let client = try await WebSocketTestClient(port: server.httpPort, subprotocols: ["v12.stomp"])
        try await client.send("CONNECT\naccept-version:1.2\nlogin:alice\npasscode:secret\n\n\0")
        #expect(try await client.nextFrame().command == .connected)
        try await client.send("SUBSCRIBE\ndestination:/topic/kept_ws_orders\nid:0\nold-row:true\nreceipt:r\n\n\0")
        #expect(try await client.nextFrame().command == .receipt)
        try await Self.writeChanges(server, table: "kept_ws_orders")

        var bodies: [String] = []
        for _ in Self.withOldRow {
            bodies.append(String(buffer: try await client.nextFrame().body))
        }
        #expect(bodies == Self.withOldRow)
    }

    @Test func anOldRowHeaderOtherThanTrueOrFalseIsAnError() async throws {
        let server = try await TestServer.strict.value
        try await Self.publish(server, table: "kept_refused")
        let client = try await STOMPTestClient.connected(port: server.stompPort)
        try await client.send(.subscribe, ["destination": "/topic/kept_refused", "id": "0", "old-row": "yes"])
        let error = try await client.next(.error)
        #expect(error.headers["message"] == "invalid old-row")
        #expect(String(buffer: error.body).contains("old-row takes 'true' or 'false', not 'yes'."))
    }
}
