import PostgresLibPQ
import PostgresTestSupport
import Synchronization
import Testing

/// A pool lease whose statement the server never answers, and whose cancel request never
/// comes back either: cancelling the lease must still end it.
@Suite struct UnansweredStatementTests {
    @Test func aCancelledLeaseEndsEvenIfTheServerNeverAnswersNorTakesTheCancelRequest() async throws {
        let server = try SilentPostgres()
        defer { server.close() }
        let pool = PostgresPool(
            connection: PostgresConfiguration(connectionString: server.connectionString),
            configuration: .init(maxConnections: 1), logger: TestPostgres.logger)
        let ended = Atomic<Bool>(false)
        let lease = Task {
            defer { ended.store(true, ordering: .sequentiallyConsistent) }
            return try await pool.withConnection { try $0.query("SELECT 1").rows.count }
        }
        try await Deadline.waitUntil("the statement to reach the server") { server.receivedAStatement }

        lease.cancel()

        // Without a bound the lease would wait on the server for ever: this is not a timing
        // check but a wait that must end (a cancel request, then the socket shut down).
        try await Deadline.waitUntil("the cancelled lease to end", timeout: .seconds(30)) {
            ended.load(ordering: .sequentiallyConsistent)
        }
        await #expect(throws: PostgresError.self) { try await lease.value }
        #expect(await pool.statistics == PostgresPoolStatistics(open: 0, idle: 0, waiters: 0))
        await pool.close()
    }
}
