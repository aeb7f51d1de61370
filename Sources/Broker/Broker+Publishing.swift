extension Broker {
    /// Fans an event out to every subscription of its topic that accepts it, queueing one
    /// `MESSAGE` per subscription in its session's queue.
    ///
    /// Each subscription skips events at or before its last position and those its filter
    /// refuses. The shared tail is encoded once per STOMP version in use; each subscriber
    /// gets only its own small head. A `client` subscription at its unacknowledged limit
    /// parks the message; a session past its budget meets the
    /// ``Configuration/slowConsumerPolicy``.
    ///
    /// ```swift
    /// for event in feed { perform(broker.publish(event)) }
    /// ```
    ///
    /// - Parameters:
    ///   - event: The event; events come in position order.
    /// - Returns: ``Action/drain(session:)`` for each session whose queue was empty, and
    ///   ``Action/disconnect(session:_:)`` for each session dropped as a slow consumer.
    public mutating func publish(_ event: BrokerEvent) -> [Action] {
        self.metrics.eventsPublished += 1
        guard let keys = self.subscribers[event.topic] else {
            return []
        }
        var tails = MessageTails(event: event)
        var actions: [Action] = []
        for key in keys {
            self.deliver(event, replayed: false, to: key, tails: &tails, actions: &actions)
        }
        self.metrics.sharedEncodings += tails.encodings
        return actions
    }

    /// Offers one event to one subscription, which skips it, drops it into its gap,
    /// queues it, parks it behind its credit, or meets the slow-consumer policy.
    ///
    /// The subscription and its session are found once and changed in place: this runs
    /// once per subscriber per event, and copying their states out of the dictionaries
    /// and back was a tenth of the server's CPU at saturation (`Benchmarks/RESULTS.md`).
    ///
    /// - Parameters:
    ///   - event: The event.
    ///   - replayed: Whether it comes from a replay of the log.
    ///   - key: The subscription.
    ///   - tails: The event's shared tails.
    ///   - actions: Where ``Action/drain(session:)`` (when the session's queue was empty) or
    ///     ``Action/disconnect(session:_:)`` is added.
    mutating func deliver(
        _ event: BrokerEvent, replayed: Bool, to key: SubscriptionKey, tails: inout MessageTails, actions: inout [Action]
    ) {
        guard let session = self.sessions.index(forKey: key.session),
            let subscription = self.subscriptions.index(forKey: key)
        else {
            return
        }
        let version = self.readSession(at: session) { $0.version }
        let delivery: Delivery
        switch self.subscriptions.values[subscription].offer(event, replayed: replayed, version: version, tails: &tails) {
        case .refused:
            return
        case .dropped:
            self.metrics.droppedMessages += 1
            return
        case .message(let message):
            delivery = message
        }
        let configuration = self.configuration
        guard self.readSession(at: session, { $0.hasRoom(for: delivery, within: configuration) }) else {
            actions += self.overflow(key, position: event.position)
            return
        }
        if self.route(delivery, subscription: subscription, session: session) {
            actions.append(.drain(session: key.session))
        }
    }

    /// Queues a message of a subscription, or parks it behind the subscription's credit.
    ///
    /// - Parameters:
    ///   - delivery: The message.
    ///   - subscription: Where the subscription is in ``subscriptions``.
    ///   - session: Where its session is in ``sessions``.
    /// - Returns: Whether the session's queue was empty, so its owner must be told to drain.
    mutating func route(
        _ delivery: Delivery, subscription: [SubscriptionKey: SubscriptionState].Index, session: [String: OutboundSession].Index
    ) -> Bool {
        guard let ready = self.subscriptions.values[subscription].route(delivery) else {
            self.sessions.values[session].park(delivery)
            return false
        }
        return self.sessions.values[session].enqueue(ready)
    }
}
