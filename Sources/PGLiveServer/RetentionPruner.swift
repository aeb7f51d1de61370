import ChangeFeed
import Logging
import Metrics
import PostgresLibPQ
import ServiceLifecycle

/// Deletes events past their topic's retention: every ``interval``, `pglive.prune` in
/// batches of ``batchSize`` log rows until nothing expired is left.
///
/// Each batch is one short statement on a pooled connection, given back between batches,
/// so pruning never holds the pool or blocks the feed (readers do not wait for deletes).
/// Every `pglive serve` process of a database prunes; two at once only repeat each other's
/// work (a row deleted by one is skipped by the other). A failed round is logged and the
/// next one retries.
struct RetentionPruner: Service {
    /// Where `pglive.prune` runs.
    let pool: PostgresPool
    /// The pause between rounds.
    let interval: Duration
    /// The most log rows one statement deletes.
    let batchSize: Int
    /// Counts the events deleted.
    let pruned: Counter
    /// Where failed rounds are logged.
    let logger: Logger

    func run() async {
        // Ends at graceful shutdown: the sleep or the running batch is cancelled (a cancelled
        // batch's statement is cancelled on the server and deletes nothing).
        try? await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                await self.pruneExpired()
                try await Task.sleep(for: self.interval)
            }
        }
    }

    /// One round: batches until one deletes nothing.
    func pruneExpired() async {
        do {
            while !Task.isCancelled {
                let deleted = try await self.pool.withConnection { connection in
                    try EventLog.prune(batchSize: self.batchSize, on: connection)
                }
                self.pruned.increment(by: deleted)
                if deleted == 0 { return }
            }
        } catch {
            // At shutdown the batch was cancelled: nothing failed.
            if !Task.isCancelled {
                self.logger.warning("pruning expired events failed; retrying in \(self.interval)", metadata: ["error": "\(error)"])
            }
        }
    }
}
