import NIOCore
import PostgresTestSupport
import STOMP
import Testing

/// A client that stops reading is dropped (by its queue's budget or by the write timeout);
/// the others keep receiving.
@Suite(.serialized) struct SlowConsumerTests {
    @Test func aClientThatStopsReadingIsClosedWhileAnotherReceivesEveryEvent() async throws {
        let server = try await TestServer(
            database: try await TestServer.sharedDatabase.value, maxQueuedBytes: 4 << 20, writeTimeout: .seconds(1))
        try await server.sql("CREATE TABLE slow_items (id int, pad text)")
        try await server.sql("SELECT pglive.publish_table('slow_items')")
        let stalled = try await STOMPTestClient.connected(port: server.stompPort)
        try await stalled.subscribe("/topic/slow_items")
        try await stalled.channel.setOption(ChannelOptions.autoRead, value: false).get()
        let healthy = try await STOMPTestClient.connected(port: server.stompPort)
        try await healthy.subscribe("/topic/slow_items")

        // 40 transactions of 500 KB, each read by the healthy client before the next:
        // the stalled client's socket fills, then its broker queue passes 4 MiB.
        for round in 0..<40 {
            try await server.sql(
                "INSERT INTO slow_items SELECT g, repeat('x', 20000) FROM generate_series($1::int, $1::int + 24) g", [round * 25])
            #expect(try await healthy.messages(25).count == 25)
        }
        try await stalled.channel.setOption(ChannelOptions.autoRead, value: true).get()
        stalled.channel.read()
        try await stalled.waitClosed()
        #expect(stalled.inbox.frames.filter { $0.command == .message }.count < 1000)
        await server.stop()
    }

    @Test func oneTransactionLargerThanASessionsBudgetReachesASubscriberThatKeepsUp() async throws {
        let server = try await TestServer(
            // A write timeout far above the test's length: only the queue budget may end the
            // stalled session (with 5 s a loaded machine let the timeout cut its ERROR first).
            database: try await TestServer.sharedDatabase.value, maxQueuedBytes: 1 << 20, writeTimeout: .seconds(120))
        try await server.sql("CREATE TABLE big_batch_items (id int, pad text)")
        try await server.sql("SELECT pglive.publish_table('big_batch_items')")
        let healthy = try await STOMPTestClient.connected(port: server.stompPort)
        try await healthy.subscribe("/topic/big_batch_items", id: "h")
        let stalled = try await STOMPTestClient.connected(port: server.stompPort)
        try await stalled.subscribe("/topic/big_batch_items", id: "s")
        try await stalled.channel.setOption(ChannelOptions.autoRead, value: false).get()

        // 20 MB in one transaction: twenty times the 1 MiB a session may hold, more than
        // the stalled client's socket buffers take.
        try await server.sql("INSERT INTO big_batch_items SELECT g, repeat('y', 20000) FROM generate_series(1, 1000) g")
        let received = try await healthy.messages(1000, timeout: .seconds(60))
        #expect(received.count == 1000)
        #expect(healthy.inbox.frames.filter { $0.command == .error }.isEmpty, "the subscriber that keeps up is not a slow consumer")

        try await stalled.channel.setOption(ChannelOptions.autoRead, value: true).get()
        stalled.channel.read()
        try await stalled.waitClosed()
        #expect(stalled.inbox.frames.contains { $0.command == .error && $0.headers["message"] == "slow consumer" })
        await server.stop()
    }

    @Test func aClientThatTakesNoBytesIsClosedByTheWriteTimeoutWhileItsQueueIsWithinBudget() async throws {
        let server = try await TestServer(
            database: try await TestServer.sharedDatabase.value, maxQueuedBytes: 256 << 20, writeTimeout: .seconds(1))
        try await server.sql("CREATE TABLE stalled_items (id int, pad text)")
        try await server.sql("SELECT pglive.publish_table('stalled_items')")
        let stalled = try await STOMPTestClient.connected(port: server.stompPort)
        try await stalled.subscribe("/topic/stalled_items")
        try await stalled.channel.setOption(ChannelOptions.autoRead, value: false).get()

        // 30 MB: more than the sockets' buffers take, far less than the 256 MiB the broker
        // may hold for the session, so only the write timeout can end the session.
        try await server.sql("INSERT INTO stalled_items SELECT g, repeat('z', 20000) FROM generate_series(1, 1500) g")
        try await Deadline.waitUntil("the stalled session to be closed", timeout: .seconds(30)) {
            let answer = try await RawHTTP.get("/metrics", port: server.httpPort)
            return try PrometheusExposition(answer.body).value("pglive_stomp_sessions_open", ["transport": "tcp"]) == 0
        }
        try await stalled.channel.setOption(ChannelOptions.autoRead, value: true).get()
        stalled.channel.read()
        try await stalled.waitClosed()
        #expect(!stalled.inbox.frames.contains { $0.command == .error }, "closed by the write timeout, not the queue's budget")
        let metrics = try PrometheusExposition(try await RawHTTP.get("/metrics", port: server.httpPort).body)
        #expect(metrics.value("pglive_stomp_write_timeouts_total") == 1)
        await server.stop()
    }
}
