extension Broker {
    /// Applies the slow-consumer policy to a message that does not fit its session's budget.
    ///
    /// - Parameters:
    ///   - key: The subscription the message was for.
    ///   - position: The message's position.
    mutating func overflow(_ key: SubscriptionKey, position: Int64) -> [Action] {
        switch self.configuration.slowConsumerPolicy {
        case .disconnect:
            self.metrics.droppedMessages += 1 + (self.sessions[key.session]?.heldFrames ?? 0)
            self.metrics.slowConsumerDisconnects += 1
            self.removeSession(key.session)
            let error = BrokerError.slowConsumer(
                maxQueuedFrames: self.configuration.maxQueuedFrames,
                maxQueuedBytes: self.configuration.maxQueuedBytes
            )
            return [.disconnect(session: key.session, error)]
        case .dropWithGapNotice:
            self.metrics.droppedMessages += 1
            self.subscriptions[key]?.gap = Gap(position: position)
            return []
        }
    }

    /// Once a session's queue is empty, queues the gap notice of each of its subscriptions
    /// that lost messages and has nothing parked, which then receive messages again.
    ///
    /// A subscription with parked messages keeps its gap open until they are acknowledged
    /// and drained, so its notice follows them and at most one notice per subscription
    /// waits outside the budget.
    ///
    /// - Parameters:
    ///   - session: The session id.
    /// - Returns: ``Action/drain(session:)`` when a notice was queued.
    mutating func closeGaps(session: String) -> [Action] {
        guard self.sessions[session]?.queue.isEmpty == true,
            let version = self.sessions[session]?.version,
            let subscriptionIDs = self.sessions[session]?.subscriptionIDs
        else {
            return []
        }
        var actions: [Action] = []
        for id in subscriptionIDs {
            let key = SubscriptionKey(session: session, id: id)
            guard let gap = self.subscriptions[key]?.gap, let topic = self.subscriptions[key]?.topic,
                self.subscriptions[key]?.parked.isEmpty == true
            else {
                continue
            }
            self.subscriptions[key]?.gap = nil
            self.metrics.gapNotices += 1
            actions += self.route(gap.notice(subscription: id, topic: topic, version: version), to: key)
        }
        return actions
    }
}
