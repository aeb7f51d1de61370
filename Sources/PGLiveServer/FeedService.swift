import ChangeFeed
import Foundation
import Metrics
import ServiceLifecycle

/// Runs the process's one ``ChangeFeed`` into the ``BrokerHub`` until shutdown.
struct FeedService: Service {
    /// The feed.
    let feed: ChangeFeed
    /// Where its batches go.
    let hub: BrokerHub
    /// The position the feed starts after: the log's head at startup.
    let position: Int64
    /// Observes each event's commit → frames queued time.
    let commitToFrame: Metrics.Timer

    func run() async throws {
        let hub = self.hub
        let commitToFrame = self.commitToFrame
        try await cancelWhenGracefulShutdown {
            try await self.feed.run(after: self.position) { events in
                await hub.publish(events)
                Self.observe(events, queuedAt: Date(), in: commitToFrame)
            }
        }
    }

    /// Observes every event of a batch fanned out at `queuedAt`: one clock read per batch,
    /// one histogram update per event, none per subscriber.
    static func observe(_ events: [LoggedEvent], queuedAt: Date, in timer: Metrics.Timer) {
        for event in events {
            timer.record(max(0, queuedAt.timeIntervalSince(event.committedAt)))
        }
    }
}
