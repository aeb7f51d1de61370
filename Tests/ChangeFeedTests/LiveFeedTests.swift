import ChangeFeed
import PostgresLibPQ
import PostgresTestSupport
import Synchronization
import Testing

/// The live feed under concurrent writers, listener drops and resuming readers.
@Suite struct LiveFeedTests {
    let database: TestDatabase

    init() throws {
        database = try TestPostgres.makeMigratedDatabase(label: "livefeed")
        let setup = try database.connect()
        try setup.execute("CREATE TABLE items (id int PRIMARY KEY, writer int, n int)")
        try setup.query("SELECT pglive.publish_table('items')")
    }

    @Test func everyReaderGetsEveryCommittedEventOnceInTheSameOrderDespiteListenerDrops() async throws {
        let readPool = PostgresPool(connection: database.configuration, configuration: .init(maxConnections: 4), logger: TestPostgres.logger)
        let writePool = PostgresPool(connection: database.configuration, configuration: .init(maxConnections: 8), logger: TestPostgres.logger)
        let first = EventCollector(), second = EventCollector()
        let feeds = [first, second].map { collector in
            Task {
                try await ChangeFeed(pool: readPool, listen: database.configuration, batchSize: 97, logger: TestPostgres.logger)
                    .run(after: 0) { collector.append($0) }
            }
        }
        try await Deadline.waitUntil("both listeners") { try listenerCount() == 2 }

        let writersDone = Atomic<Bool>(false)
        let resumed = EventCollector()
        let resumer = Task { try await resume(into: resumed, until: writersDone) }
        let captured = try await withThrowingTaskGroup(of: Int.self) { group in
            for writer in 0..<8 {
                group.addTask { try await RandomWriter(id: writer, seed: UInt64(writer) + 1).write(transactions: 120, on: writePool) }
            }
            for _ in 0..<2 {
                try await Deadline.waitUntil("some traffic") { first.count > 0 }
                let admin = try database.connect()
                try admin.query(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND query LIKE 'LISTEN%'",
                    [database.name])
                try await Deadline.waitUntil("listeners back") { try listenerCount() == 2 }
            }
            return try await group.reduce(0, +)
        }

        writersDone.store(true, ordering: .sequentiallyConsistent)
        try await resumer.value
        let log = try EventLog.events(after: 0, limit: 1_000_000, on: database.connect())
        #expect(captured > 1000)
        #expect(log.count == captured)
        #expect(log.map(\.position) == Array(1...Int64(log.count)))
        try await Deadline.waitUntil("the feeds to catch up", timeout: .seconds(60)) {
            first.count >= log.count && second.count >= log.count
        }
        #expect(first.events == log)
        #expect(second.events == log)
        #expect(resumed.events == log)
        feeds.forEach { $0.cancel() }
        await readPool.close()
        await writePool.close()
    }

    /// A reader that resumes from its last position over and over with small batches
    /// and a new connection each time, as a reconnecting client does, until the writers
    /// are done and it has read everything.
    private func resume(into collector: EventCollector, until done: borrowing Atomic<Bool>) async throws {
        var last: Int64 = 0
        var generator = SeededGenerator(seed: 99)
        while true {
            let finished = done.load(ordering: .sequentiallyConsistent)
            let batch = try EventLog.events(after: last, limit: Int(generator.next() % 50) + 1, on: database.connect())
            if let position = batch.last?.position { last = position }
            collector.append(batch)
            if batch.isEmpty {
                if finished { return }
                try await Task.sleep(for: .milliseconds(5))
            }
        }
    }

    @Test func aNotificationForEventsAlreadyReadLeavesTheFeedCaughtUp() async throws {
        let pool = PostgresPool(connection: database.configuration, configuration: .init(maxConnections: 2), logger: TestPostgres.logger)
        let feed = ChangeFeed(pool: pool, listen: database.configuration, logger: TestPostgres.logger)
        let collector = EventCollector()
        let running = Task { try await feed.run(after: 0) { collector.append($0) } }
        defer { running.cancel() }
        try await Deadline.waitUntil("the listener") { try listenerCount() == 1 }
        try database.connect().execute("INSERT INTO items VALUES (1, 0, 0)")
        try await Deadline.waitUntil("the insert delivered") { collector.count == 1 && feed.status.caughtUp }

        // A late doorbell for position 1, as when its commit raced the read that delivered it:
        // no read follows, so nothing may set the feed back to catching up (/readyz 503 until
        // the next write, before the fix).
        try database.connect().execute("SELECT pg_notify('pglive', '1')")
        let end = ContinuousClock.now + .seconds(2)
        while ContinuousClock.now < end, feed.status.caughtUp {
            try await Task.sleep(for: .milliseconds(20))
        }
        #expect(feed.status.caughtUp)
        #expect(collector.count == 1)
    }

    private func listenerCount() throws -> Int {
        try database.connect().query(
            "SELECT count(*) AS n FROM pg_stat_activity WHERE datname = $1 AND query LIKE 'LISTEN%'",
            [database.name]).rows[0].decode("n", as: Int.self)
    }
}

/// Collects delivered events from a feed's task.
final class EventCollector: Sendable {
    private let store = Mutex<[LoggedEvent]>([])
    var events: [LoggedEvent] { store.withLock { $0 } }
    var count: Int { store.withLock { $0.count } }
    func append(_ batch: [LoggedEvent]) { store.withLock { $0.append(contentsOf: batch) } }
}
