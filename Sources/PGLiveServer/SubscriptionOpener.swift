import Authorization
import Broker
import ChangeFeed
import PostgresLibPQ
import RowFilter
import STOMP

/// Carries out a `SUBSCRIBE`: authorises it, resolves the topic, parses the selector and
/// ANDs the principal's row restriction in front of it, reads whether bodies carry the old
/// row (`old-row`), replays the log from `from-position` or `from-time`, and switches to
/// live events with no gap and no duplicate. Live and replayed events pass the same combined filter.
struct SubscriptionOpener: Sendable {
    /// The broker's owner.
    let hub: BrokerHub
    /// Where the log is read.
    let pool: PostgresPool
    /// Resolves destinations.
    let resolver: TopicResolver
    /// The most events per replay read; a replay also waits while the session holds this many frames.
    let batchSize: Int

    /// Subscribes a session; returns once the subscription is live.
    ///
    /// - Parameters:
    ///   - subscription: The client's subscription.
    ///   - session: The session id.
    ///   - maxUnackedMessages: The session's unacknowledged limit.
    ///   - principal: Who subscribes: checked for `read` before the topic is looked up (or
    ///     created), and whose restriction is part of the filter.
    /// - Throws: ``ServerError`` for a refused read, an unknown topic, an invalid selector,
    ///   `old-row` or resume point, a pruned position or a database failure.
    func open(
        _ subscription: STOMPSession.Subscription, session: String, maxUnackedMessages: Int, principal: Principal
    ) async throws(ServerError) {
        try self.resolver.authorize(.read, destination: subscription.destination, principal: principal)
        let topic = try await self.resolver.resolve(subscription.destination).topic
        let selector: RowPredicate?
        do {
            selector = try subscription.selector.map { selector throws(RowFilterError) in try RowFilter.parse(selector: selector) }
        } catch {
            throw .invalidSelector(error)
        }
        let predicate = principal.access.constrain(selector, topic: topic.name)
        var brokerSubscription = Broker.Subscription(
            id: subscription.id, topic: topic, ackMode: subscription.ackMode,
            filter: predicate.map(RowEventFilter.init), maxUnackedMessages: maxUnackedMessages,
            includesOldRow: try subscription.includesOldRow)
        guard let point = try ResumePoint(subscription) else {
            return try await self.subscribe(session: session, brokerSubscription)
        }
        let start = try await self.pool.serving { try EventLog.startPosition(for: point, topic: topic.name, on: $0) }
        brokerSubscription.startAfter = start
        brokerSubscription.isReplaying = true
        try await self.subscribe(session: session, brokerSubscription)
        try await self.replay(topic: topic, filter: predicate, after: start, session: session, subscription: subscription.id)
    }

    /// Replays the log page by page until the replay reached what the feed published, then
    /// goes live in the same step.
    private func replay(
        topic: Topic, filter: RowPredicate?, after start: Int64, session: String, subscription: String
    ) async throws(ServerError) {
        var position = start
        let limit = self.batchSize
        while true {
            await self.hub.waitForRoom(session: session, below: limit)
            let after = position
            let page = try await self.pool.serving {
                try ReplayPage.read(after: after, topic: topic.name, filter: filter, limit: limit, on: $0)
            }
            guard await self.hub.replay(page.events, session: session, subscription: subscription) else {
                return
            }
            position = page.through
            if page.reachedHead, await self.hub.finishReplay(session: session, subscription: subscription, through: position) {
                return
            }
        }
    }

    /// Adds the subscription to the broker, typing its failure.
    private func subscribe(session: String, _ subscription: Broker.Subscription) async throws(ServerError) {
        do {
            try await self.hub.subscribe(session: session, subscription)
        } catch {
            throw .topic(error)
        }
    }
}
