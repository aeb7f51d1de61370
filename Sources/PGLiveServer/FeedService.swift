import ChangeFeed
import ServiceLifecycle

/// Runs the process's one ``ChangeFeed`` into the ``BrokerHub`` until shutdown.
struct FeedService: Service {
    /// The feed.
    let feed: ChangeFeed
    /// Where its batches go.
    let hub: BrokerHub
    /// The position the feed starts after: the log's head at startup.
    let position: Int64

    func run() async throws {
        let hub = self.hub
        try await cancelWhenGracefulShutdown {
            try await self.feed.run(after: self.position) { events in
                await hub.publish(events)
            }
        }
    }
}
