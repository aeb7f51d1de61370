import Dispatch
import PostgresLibPQ
import PostgresTestSupport
import Testing

@Suite struct PoolTests {
    let database: TestDatabase

    init() throws { database = try TestPostgres.makeDatabase(label: "pool") }

    private func makePool(max: Int, timeout: Duration = .seconds(10)) -> PostgresPool {
        PostgresPool(
            connection: database.configuration,
            configuration: .init(maxConnections: max, acquireTimeout: timeout),
            logger: TestPostgres.logger)
    }

    @Test func exhaustedPoolMakesCallersWaitThenTimesOut() async throws {
        let pool = makePool(max: 1, timeout: .milliseconds(300))
        let release = DispatchSemaphore(value: 0)
        let holder = Task {
            try await pool.withConnection { _ in release.wait() }
        }
        try await Deadline.waitUntil("the first lease") { await pool.statistics.leased == 1 }
        let clock = ContinuousClock()
        let started = clock.now
        let error = await #expect(throws: PostgresError.self) {
            try await pool.withConnection { try $0.execute("SELECT 1") }
        }
        #expect(error?.kind == .poolTimeout)
        #expect(clock.now - started >= .milliseconds(300))
        release.signal()
        _ = try await holder.value
        #expect(await pool.statistics == PostgresPoolStatistics(open: 1, idle: 1, waiters: 0))
        await pool.close()
    }

    @Test func waitersAreServedInArrivalOrder() async throws {
        let pool = makePool(max: 1)
        let order = OrderLog()
        let release = DispatchSemaphore(value: 0)
        let holder = Task { try await pool.withConnection { _ in release.wait() } }
        try await Deadline.waitUntil("the first lease") { await pool.statistics.leased == 1 }
        var waiters: [Task<Void, any Error>] = []
        for index in 0..<5 {
            waiters.append(Task { try await pool.withConnection { _ in order.append(index) } })
            try await Deadline.waitUntil("waiter \(index) queued") { await pool.statistics.waiters == index + 1 }
        }
        release.signal()
        _ = try await holder.value
        for waiter in waiters { try await waiter.value }
        #expect(order.values == [0, 1, 2, 3, 4])
        await pool.close()
    }

    @Test func cancellingALeaseCancelsTheStatementAndReturnsTheConnection() async throws {
        let pool = makePool(max: 1)
        let firstPID = try await pool.withConnection { $0.backendPID }
        let clock = ContinuousClock()
        let started = clock.now
        let sleeper = Task { try await pool.withConnection { try $0.execute("SELECT pg_sleep(30)") } }
        try await Deadline.waitUntil("the sleeping statement") {
            try TestPostgres.isRunning("pg_sleep(30)", in: database)
        }
        sleeper.cancel()
        let error = await #expect(throws: PostgresError.self) { try await sleeper.value }
        #expect(error?.sqlState == PostgresError.queryCanceled)
        #expect(clock.now - started < .seconds(20))
        let secondPID = try await pool.withConnection { $0.backendPID }
        #expect(secondPID == firstPID)
        #expect(await pool.statistics == PostgresPoolStatistics(open: 1, idle: 1, waiters: 0))
        await pool.close()
    }

    @Test func cancellingAWaiterLeavesTheQueue() async throws {
        let pool = makePool(max: 1)
        let release = DispatchSemaphore(value: 0)
        let holder = Task { try await pool.withConnection { _ in release.wait() } }
        try await Deadline.waitUntil("the first lease") { await pool.statistics.leased == 1 }
        let waiter = Task { try await pool.withConnection { _ in 1 } }
        try await Deadline.waitUntil("the waiter queued") { await pool.statistics.waiters == 1 }
        waiter.cancel()
        let error = await #expect(throws: PostgresError.self) { try await waiter.value }
        #expect(error?.kind == .cancelled)
        #expect(await pool.statistics.waiters == 0)
        release.signal()
        _ = try await holder.value
        await pool.close()
    }

    @Test func aConnectionLeftInATransactionIsDiscarded() async throws {
        let pool = makePool(max: 2)
        let leakyPID = try await pool.withConnection { connection in
            try connection.execute("BEGIN")
            return connection.backendPID
        }
        #expect(await pool.statistics == PostgresPoolStatistics(open: 0, idle: 0, waiters: 0))
        let nextPID = try await pool.withConnection { $0.backendPID }
        #expect(nextPID != leakyPID)
        await pool.close()
    }

    @Test func aTerminatedIdleConnectionIsReplacedOnLease() async throws {
        let pool = makePool(max: 1)
        let victim = try await pool.withConnection { $0.backendPID }
        let admin = try database.connect()
        try admin.query("SELECT pg_terminate_backend($1)", [victim])
        try await Deadline.waitUntil("the backend to exit") {
            try admin.query("SELECT 1 FROM pg_stat_activity WHERE pid = $1", [Int(victim)]).rows.isEmpty
        }
        let replacement = try await pool.withConnection { try $0.query("SELECT pg_backend_pid() AS pid").rows[0].decode("pid", as: Int32.self) }
        #expect(replacement != victim)
        await pool.close()
    }

    @Test func closedPoolRefusesLeases() async throws {
        let pool = makePool(max: 1)
        await pool.close()
        let error = await #expect(throws: PostgresError.self) { try await pool.withConnection { _ in 1 } }
        #expect(error?.kind == .poolClosed)
    }
}
