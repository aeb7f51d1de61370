import PostgresLibPQ
import PostgresTestSupport
import Testing

@Suite struct ListenerTests {
    let database: TestDatabase

    init() throws { database = try TestPostgres.makeDatabase(label: "listen") }

    @Test func listenerReceivesNotificationsOnItsChannels() async throws {
        let notifier = try database.connect()
        try await PostgresListener.listen(database.configuration, channels: ["pglive", "Odd \"name\""],
                                          logger: TestPostgres.logger) { events in
            var iterator = events.makeAsyncIterator()
            #expect(await iterator.next() == .connected)
            try notifier.query("SELECT pg_notify($1, $2)", ["pglive", "doorbell 1"])
            try notifier.query("SELECT pg_notify($1, $2)", ["Odd \"name\"", ""])
            try notifier.query("SELECT pg_notify($1, $2)", ["elsewhere", "not for us"])
            let first = await iterator.next()
            let second = await iterator.next()
            #expect(first == .notification(.init(channel: "pglive", payload: "doorbell 1", senderPID: notifier.backendPID)))
            #expect(second == .notification(.init(channel: "Odd \"name\"", payload: "", senderPID: notifier.backendPID)))
        }
    }

    @Test func listenerReportsADropAndReconnectsAfterTermination() async throws {
        let admin = try database.connect()
        try await PostgresListener.listen(database.configuration, channels: ["pglive"],
                                          backoff: .init(initial: .milliseconds(50)), logger: TestPostgres.logger) { events in
            var iterator = events.makeAsyncIterator()
            #expect(await iterator.next() == .connected)
            let terminated = try admin.query(
                "SELECT pg_terminate_backend(pid) AS done FROM pg_stat_activity WHERE datname = $1 AND query LIKE 'LISTEN%'",
                [database.name]).rows
            #expect(terminated.count == 1)
            guard case .disconnected(let reason) = await iterator.next() else {
                Issue.record("expected a disconnected event")
                return
            }
            #expect(reason.kind == .connection)
            #expect(await iterator.next() == .connected)
            try admin.query("SELECT pg_notify('pglive', 'after reconnect')")
            guard case .notification(let note) = await iterator.next() else {
                Issue.record("expected a notification after reconnecting")
                return
            }
            #expect(note.payload == "after reconnect")
        }
    }
}
