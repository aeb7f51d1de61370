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

    /// Leases the pool's only connection until the returned task is cancelled.
    private func holdTheConnection(of pool: PostgresPool) async throws -> Task<Void, any Error> {
        let holder = Task { _ = try await pool.withConnection { try $0.execute("SELECT pg_sleep(600)") } }
        try await Deadline.waitUntil("the holder's lease") { try TestPostgres.isRunning("pg_sleep(600)", in: database) }
        return holder
    }

    @Test func exhaustedPoolMakesCallersWaitThenTimesOut() async throws {
        let pool = makePool(max: 1, timeout: .milliseconds(300))
        let holder = try await holdTheConnection(of: pool)
        let clock = ContinuousClock()
        let started = clock.now
        let error = await #expect(throws: PostgresError.self) {
            try await pool.withConnection { try $0.execute("SELECT 1") }
        }
        #expect(error?.kind == .poolTimeout)
        #expect(clock.now - started >= .milliseconds(300))
        holder.cancel()
        _ = await holder.result
        #expect(await pool.statistics == PostgresPoolStatistics(open: 1, idle: 1, waiters: 0))
        await pool.close()
    }

    @Test func aCallerCancelledBeforeItsLeaseKeepsTheIdleConnectionForOthers() async throws {
        let pool = makePool(max: 1)
        let backend = try await pool.withConnection { try $0.query("SELECT pg_backend_pid() AS pid").rows[0].decode("pid", as: Int.self) }
        let cancelled = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return try await pool.withConnection { try $0.execute("SELECT 1") }
        }
        let error = await #expect(throws: PostgresError.self) { try await cancelled.value }
        #expect(error?.kind == .cancelled)
        // The same backend serves the next caller: nothing was discarded or reopened.
        let after = try await pool.withConnection { try $0.query("SELECT pg_backend_pid() AS pid").rows[0].decode("pid", as: Int.self) }
        #expect(after == backend)
        #expect(await pool.statistics == PostgresPoolStatistics(open: 1, idle: 1, waiters: 0))
        await pool.close()
    }

    @Test func waitersAreServedInArrivalOrder() async throws {
        let pool = makePool(max: 1)
        let order = OrderLog()
        let holder = try await holdTheConnection(of: pool)
        var waiters: [Task<Void, any Error>] = []
        for index in 0..<5 {
            waiters.append(Task { try await pool.withConnection { _ in order.append(index) } })
            try await Deadline.waitUntil("waiter \(index) queued") { await pool.statistics.waiters == index + 1 }
        }
        holder.cancel()
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
        let holder = try await holdTheConnection(of: pool)
        let waiter = Task { try await pool.withConnection { _ in 1 } }
        try await Deadline.waitUntil("the waiter queued") { await pool.statistics.waiters == 1 }
        waiter.cancel()
        let error = await #expect(throws: PostgresError.self) { try await waiter.value }
        #expect(error?.kind == .cancelled)
        #expect(await pool.statistics.waiters == 0)
        holder.cancel()
        _ = await holder.result
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
