extension Broker {
    /// Delivers events replayed from the log to one subscription subscribed with
    /// ``Subscription/isReplaying``, through the same queue, filter, ack credit and
    /// slow-consumer policy as live events.
    ///
    /// Events at or before the last position the subscription saw are skipped, so a
    /// replay read twice delivers once. The owner calls it batch by batch, then
    /// ``endReplay(session:subscription:through:)`` at a moment when no published event
    /// is newer than the replay: the seam has neither gap nor duplicate.
    ///
    /// ```swift
    /// try broker.subscribe(session: "s-1", .init(id: "0", topic: orders, startAfter: 1000, isReplaying: true))
    /// let actions = broker.replay(eventsReadFromTheLog, session: "s-1", subscription: "0")
    /// broker.endReplay(session: "s-1", subscription: "0", through: 1042)
    /// ```
    ///
    /// - Parameters:
    ///   - events: Events of the subscription's topic, in position order.
    ///   - session: The session id.
    ///   - subscription: The subscription id.
    /// - Returns: ``Action/drain(session:)`` when the session's queue went from empty to
    ///   holding frames, or ``Action/disconnect(session:_:)`` for a slow consumer.
    public mutating func replay(_ events: some Sequence<BrokerEvent>, session: String, subscription: String) -> [Action] {
        let key = SubscriptionKey(session: session, id: subscription)
        var actions: [Action] = []
        for event in events {
            var tails = MessageTails(event: event)
            self.deliver(event, replayed: true, to: key, tails: &tails, actions: &actions)
            self.metrics.sharedEncodings += tails.encodings
        }
        return actions
    }

    /// Switches a replaying subscription to live events: those after `position` (and after
    /// every replayed event) reach it from now on. Unknown ids are ignored.
    ///
    /// ```swift
    /// broker.endReplay(session: "s-1", subscription: "0", through: 1042)
    /// ```
    ///
    /// - Parameters:
    ///   - session: The session id.
    ///   - subscription: The subscription id.
    ///   - position: The last position the replay covered, matching the filter or not.
    public mutating func endReplay(session: String, subscription: String, through position: Int64) {
        self.subscriptions[SubscriptionKey(session: session, id: subscription)]?.endReplay(through: position)
    }

    /// Whether a session has a subscription with this id, replaying or live.
    ///
    /// ```swift
    /// guard broker.hasSubscription(session: "s-1", id: "0") else { return } // unsubscribed meanwhile
    /// ```
    ///
    /// - Parameters:
    ///   - session: The session id.
    ///   - id: The subscription id.
    public func hasSubscription(session: String, id: String) -> Bool {
        self.subscriptions[SubscriptionKey(session: session, id: id)] != nil
    }
}
