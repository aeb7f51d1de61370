import ChangeFeed
import Foundation
import PostgresLibPQ

/// `GET /readyz`: whether this process should get traffic. Ready when the `LISTEN`
/// connection is up, the feed has caught up with the log, and the database has the
/// migrations this build's SQL relies on; otherwise each failing check gives a reason.
/// From the start of a graceful shutdown it answers "the server is shutting down".
struct Readiness: Sendable {
    /// The newest migration this build uses (`migrations/0007_…`); a test keeps it equal
    /// to the highest file in `migrations/`.
    static let requiredSchemaVersion: Int64 = 7

    /// The process's feed.
    let feed: ChangeFeed
    /// Says whether shutdown has begun.
    let hub: BrokerHub
    /// Where the schema check runs.
    let pool: PostgresPool

    /// The reasons the process is not ready; empty when it is.
    func problems() async -> [String] {
        if await hub.isDraining {
            return ["the server is shutting down"]
        }
        var reasons: [String] = []
        let status = feed.status
        if !status.listening {
            reasons.append("the LISTEN connection to the database is down")
        } else if !status.caughtUp {
            reasons.append("the change feed is catching up (delivered through position \(status.lastDelivered))")
        }
        do {
            let (applied, failed) = try await pool.withConnection { connection in
                let row = try connection.query(
                    """
                    SELECT coalesce(max(version) FILTER (WHERE success), 0) AS applied,
                           min(version) FILTER (WHERE NOT success) AS failed
                      FROM pglive.schema_migrations
                    """).rows[0]
                return (try row.decode("applied", as: Int64.self), try row.decode("failed", as: Int64?.self))
            }
            if let failed {
                reasons.append("migration \(failed) failed; see pglive migrate status")
            } else if applied < Self.requiredSchemaVersion {
                reasons.append(
                    "migrations are not current: the database is at version \(applied), this pglive needs \(Self.requiredSchemaVersion) (run pglive migrate up)")
            }
        } catch {
            reasons.append("the database does not answer: \(error)")
        }
        return reasons
    }

    /// The JSON body: `{"status":"ready"}` or `{"status":"not_ready","reasons":[…]}`.
    static func body(for reasons: [String]) -> String {
        let object: [String: Any] = reasons.isEmpty ? ["status": "ready"] : ["status": "not_ready", "reasons": reasons]
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }
}
