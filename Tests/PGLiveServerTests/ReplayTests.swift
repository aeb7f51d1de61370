import Foundation
import NIOCore
import PostgresTestSupport
import STOMP
import Testing

/// `from-position`, `from-time` and `selector` against a real log, with writers running.
@Suite(.serialized) struct ReplayTests {
    /// The positions of a topic's events after a position, from the log.
    private func logPositions(_ server: TestServer, topic: String, after position: Int64 = 0) async throws -> [Int64] {
        try await server.sql(
            "SELECT position FROM pglive.event_log WHERE topic = $1 AND position > $2 ORDER BY position", [topic, position]
        ).map { try $0.decode("position", as: Int64.self) }
    }

    @Test func replayThenLiveWithConcurrentWritersDeliversEachPositionAfterTheStartOnce() async throws {
        let server = try await TestServer.strict.value
        try await server.sql("CREATE TABLE replay_items (id serial PRIMARY KEY, n int)")
        try await server.sql("SELECT pglive.publish_table('replay_items')")
        try await server.sql("INSERT INTO replay_items (n) SELECT generate_series(1, 40)")
        let start = try await logPositions(server, topic: "replay_items")[9]

        let writer = Task {
            for n in 0..<60 {
                try await server.sql("INSERT INTO replay_items (n) VALUES ($1)", [n])
            }
        }
        let client = try await STOMPTestClient.connected(port: server.stompPort)
        try await client.subscribe("/topic/replay_items", id: "r", ["from-position": "\(start)"])
        try await writer.value
        try await server.sql("INSERT INTO replay_items (n) VALUES (-1)")

        let expected = try await logPositions(server, topic: "replay_items", after: start)
        let received = try await client.messages(expected.count).map { Int64($0.headers["position"] ?? "") }
        #expect(received == expected)
        #expect(expected.count == 30 + 60 + 1)
        #expect(client.inbox.frames.filter { $0.command == .message }.isEmpty)
    }

    @Test func aSelectorFiltersReplayedAndLiveEventsAlike() async throws {
        let server = try await TestServer.strict.value
        try await server.sql("CREATE TABLE selected_items (id int PRIMARY KEY, kind text)")
        try await server.sql("SELECT pglive.publish_table('selected_items')")
        try await server.sql("INSERT INTO selected_items VALUES (1, 'a'), (2, 'b'), (3, 'a')")
        let client = try await STOMPTestClient.connected(port: server.stompPort)
        try await client.subscribe("/topic/selected_items", ["from-position": "earliest", "selector": "kind=eq.a"])
        try await server.sql("INSERT INTO selected_items VALUES (4, 'b'), (5, 'a')")
        try await server.sql("UPDATE selected_items SET kind = 'a' WHERE id = 2")

        let ids = try await client.messages(4).map { message in
            (try JSONSerialization.jsonObject(with: Data(buffer: message.body)) as? [String: Any])?["id"] as? Int
        }
        #expect(ids == [1, 3, 5, 2])
    }

    @Test func fromTimeReplaysWhatWasCommittedSinceThen() async throws {
        let server = try await TestServer.strict.value
        try await server.sql("CREATE TABLE timed_items (id int PRIMARY KEY)")
        try await server.sql("SELECT pglive.publish_table('timed_items')")
        try await server.sql("INSERT INTO timed_items VALUES (1)")
        try await server.sql("UPDATE pglive.transactions SET committed_at = '2020-01-01T00:00:00Z' WHERE tx IN (SELECT tx FROM pglive.transaction_topics WHERE topic = 'timed_items')")
        try await server.sql("INSERT INTO timed_items VALUES (2)")
        let client = try await STOMPTestClient.connected(port: server.stompPort)
        try await client.subscribe("/topic/timed_items", ["from-time": "2021-06-01T00:00:00Z"])
        let message = try await client.next(.message)
        #expect(String(buffer: message.body).contains("2"))
        #expect(client.inbox.frames.filter { $0.command == .message }.isEmpty)
    }

    @Test func aPrunedFromPositionIsAnErrorNamingTheOldestRetainedPosition() async throws {
        // A database of its own: ageing the log must not age other tests' events (pruning
        // relies on commit times growing with positions, as they do unless a test edits them).
        let server = try await TestServer(database: try await blocking { try TestPostgres.makeMigratedDatabase(label: "pruned") })
        try await server.sql("CREATE TABLE pruned_items (id int)")
        try await server.sql("SELECT pglive.publish_table('pruned_items', retention => '1 hour')")
        try await server.sql("INSERT INTO pruned_items SELECT generate_series(1, 3)")
        try await server.sql("INSERT INTO pruned_items VALUES (4)")
        let positions = try await logPositions(server, topic: "pruned_items")
        try await server.sql(
            "UPDATE pglive.transactions SET committed_at = committed_at - interval '2 hours' WHERE first_position <= $1", [positions[0]])
        try await server.sql("SELECT pglive.prune(1000)")

        let client = try await STOMPTestClient.connected(port: server.stompPort)
        try await client.send(.subscribe, ["destination": "/topic/pruned_items", "id": "0", "from-position": "\(positions[0])"])
        let error = try await client.next(.error)
        #expect(error.headers["message"] == "position pruned")
        #expect(String(buffer: error.body).contains("the oldest retained position is \(positions[3])"))
        await server.stop()
    }
}
