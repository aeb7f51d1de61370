import Foundation
import PostgresLibPQ

/// The session advisory lock that serialises migration runs on one database.
///
/// It is taken by polling `pg_try_advisory_lock` with a backoff (50 ms doubling to 1 s),
/// never with a blocking `pg_advisory_lock`: a session waiting in `pg_advisory_lock`
/// has an open transaction, and `CREATE INDEX CONCURRENTLY` in the lock holder waits
/// for every such transaction, so both would wait forever (flyway#1654,
/// golang-migrate#960). Between polls the waiting session is idle.
struct MigrationLock {
    /// `pg_locks` shows a bigint advisory key as `classid` (high half) and `objid` (low half).
    static let keyHigh: Int64 = 0x7067_6C76 // "pglv"
    static let keyLow: Int64 = 0x6D69_6772 // "migr"
    static let key: Int64 = keyHigh << 32 | keyLow
    static let firstDelay: Duration = .milliseconds(50)
    static let longestDelay: Duration = .seconds(1)

    let connection: PGConnection
    let timeout: Duration
    let report: (MigrationEvent) -> Void

    /// Runs `body` holding the lock, releasing it afterwards (also when `body` throws).
    func withLock<T>(_ body: () throws -> T) throws -> T {
        try acquire()
        defer { _ = try? connection.query("SELECT pg_advisory_unlock($1)", [Self.key]) }
        return try body()
    }

    private func acquire() throws {
        let clock = ContinuousClock()
        let start = clock.now
        var delay = Self.firstDelay
        var reported: MigrationLockHolder?
        var hasReported = false
        while try !tryLock() {
            let holder = try currentHolder()
            let waited = clock.now - start
            guard waited < timeout else {
                throw MigrationError.lockTimeout(seconds: Self.seconds(timeout), holder: holder)
            }
            if !hasReported || holder != reported {
                report(.waitingForLock(holder))
                reported = holder
                hasReported = true
            }
            Thread.sleep(forTimeInterval: Self.seconds(min(delay, timeout - waited)))
            delay = min(delay * 2, Self.longestDelay)
        }
        if hasReported { report(.lockAcquired(waitedMilliseconds: (clock.now - start).milliseconds)) }
    }

    private func tryLock() throws -> Bool {
        try connection.query("SELECT pg_try_advisory_lock($1) AS locked", [Self.key]).rows[0].decode("locked", as: Bool.self)
    }

    private func currentHolder() throws -> MigrationLockHolder? {
        let rows = try connection.query("""
            SELECT a.pid, coalesce(a.application_name, '') AS application_name,
                   host(a.client_addr) AS client_address, a.backend_start
            FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
            WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1
              AND l.classid::bigint = $1 AND l.objid::bigint = $2
              AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
            LIMIT 1
            """, [Self.keyHigh, Self.keyLow]).rows
        return try rows.first.map { row in
            MigrationLockHolder(
                pid: try row.decode("pid"), applicationName: try row.decode("application_name"),
                clientAddress: try row.decode("client_address"), connectedSince: try row.decode("backend_start"))
        }
    }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
