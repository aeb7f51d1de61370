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
            self.sessions[key.session]?.mayHaveGaps = true
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
        guard let index = self.sessions.index(forKey: session),
            self.readSession(at: index, { $0.mayHaveGaps && $0.queue.isEmpty })
        else {
            return []
        }
        let (version, subscriptionIDs) = self.readSession(at: index) { ($0.version, $0.subscriptionIDs) }
        var actions: [Action] = []
        var gapsLeft = false
        for id in subscriptionIDs {
            guard let subscription = self.subscriptions.index(forKey: SubscriptionKey(session: session, id: id)) else {
                continue
            }
            guard let notice = self.subscriptions.values[subscription].closeGap(id: id, version: version) else {
                gapsLeft = gapsLeft || self.subscriptions.values[subscription].gap != nil
                continue
            }
            self.metrics.gapNotices += 1
            if self.route(notice, subscription: subscription, session: index) {
                actions.append(.drain(session: session))
            }
        }
        self.sessions.values[index].mayHaveGaps = gapsLeft
        return actions
    }
}
