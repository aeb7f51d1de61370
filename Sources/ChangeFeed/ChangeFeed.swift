import Logging
import PostgresLibPQ
import Synchronization

/// The live stream of one process: one `LISTEN` connection as a doorbell, the events
/// log as the truth.
///
/// On every (re)connection of the listener, and on each notification that may bring
/// something new, the feed reads the log forward from the last delivered position in
/// batches until it is caught up, and hands each batch to `deliver` in position order.
/// It never skips and never repeats a position, whatever NOTIFY did or did not deliver.
///
/// ```swift
/// let feed = ChangeFeed(pool: pool, listen: configuration, logger: logger)
/// try await feed.run(after: EventLog.headPosition(...)) { events in broker.publish(events) }
/// ```
public final class ChangeFeed: Sendable {
    /// What the feed reports about itself, for readiness checks and metrics.
    public struct Status: Sendable, Equatable {
        /// Whether the listener connection is up.
        public var listening: Bool
        /// Whether the last read found nothing more after the last delivered position.
        public var caughtUp: Bool
        /// The last delivered position.
        public var lastDelivered: Int64
    }

    /// The notification channel capture uses.
    public static let channel = "pglive"

    private let pool: PostgresPool
    private let listenConfiguration: PostgresConfiguration
    private let batchSize: Int
    private let logger: Logger
    private let state = Mutex(Status(listening: false, caughtUp: false, lastDelivered: 0))

    /// Creates a feed.
    /// - Parameters:
    ///   - pool: where log reads run.
    ///   - listen: where the `LISTEN` connection goes (the primary).
    ///   - batchSize: the most events per read.
    ///   - logger: for connection and read problems.
    public init(pool: PostgresPool, listen: PostgresConfiguration, batchSize: Int = 1000, logger: Logger) {
        self.pool = pool
        listenConfiguration = listen
        self.batchSize = max(1, batchSize)
        self.logger = logger
    }

    /// The feed's current status.
    public var status: Status { state.withLock { $0 } }

    /// Delivers every event after `position` until the calling task is cancelled.
    /// - Parameters:
    ///   - position: the last position already delivered.
    ///   - deliver: receives each batch, in position order; the next read waits for it.
    public func run(after position: Int64, deliver: @Sendable ([LoggedEvent]) async -> Void) async throws {
        var cursor = FeedCursor(after: position)
        state.withLock { $0.lastDelivered = position }
        try await PostgresListener.listen(listenConfiguration, channels: [Self.channel], logger: logger) { events in
            for await event in events {
                record(event)
                guard cursor.shouldRead(after: event) else { continue }
                // Behind only when a read is due: a notification for events an earlier read
                // delivered (its commit raced that read) must not leave the feed "catching up"
                // until the next write.
                state.withLock { $0.caughtUp = false }
                await catchUp(&cursor, deliver: deliver)
            }
        }
    }

    private func record(_ event: PostgresListenerEvent) {
        switch event {
        case .connected: state.withLock { $0.listening = true }
        case .disconnected: state.withLock { $0.listening = false; $0.caughtUp = false }
        case .notification: break
        }
    }

    /// Reads and delivers batches until a read returns less than a full batch; on a read
    /// failure it retries with backoff until it succeeds or the task is cancelled.
    private func catchUp(_ cursor: inout FeedCursor, deliver: ([LoggedEvent]) async -> Void) async {
        var delay = Duration.milliseconds(100)
        while !Task.isCancelled {
            let after = cursor.lastDelivered
            let limit = batchSize
            do {
                let batch = try await pool.withConnection { try EventLog.events(after: after, limit: limit, on: $0) }
                let fresh = cursor.accept(batch)
                if !fresh.isEmpty { await deliver(fresh) }
                let caughtUp = batch.count < limit
                state.withLock { $0.lastDelivered = cursor.lastDelivered; $0.caughtUp = caughtUp }
                if caughtUp { return }
                delay = .milliseconds(100)
            } catch {
                logger.warning("reading the events log failed; retrying", metadata: ["error": "\(error)"])
                try? await Task.sleep(for: delay)
                delay = min(delay * 2, .seconds(5))
            }
        }
    }
}
