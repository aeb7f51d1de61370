extension Broker {
    /// Adds a subscription; events published from now on reach it.
    ///
    /// Call it once any replay is done, with ``Subscription/startAfter`` set to the last
    /// replayed position: events at or before it are skipped, so the seam between replay
    /// and live has neither gap nor duplicate.
    ///
    /// ```swift
    /// try broker.subscribe(session: "s-1", .init(id: "0", topic: topic, startAfter: 1041))
    /// ```
    ///
    /// - Parameters:
    ///   - session: The session id.
    ///   - subscription: The subscription.
    /// - Throws: ``BrokerError/unknownSession(_:)`` or ``BrokerError/duplicateSubscription(session:id:)``.
    public mutating func subscribe(session: String, _ subscription: Subscription) throws(BrokerError) {
        guard let version = self.sessions[session]?.version else {
            throw .unknownSession(session)
        }
        let key = SubscriptionKey(session: session, id: subscription.id)
        guard self.subscriptions[key] == nil else {
            throw .duplicateSubscription(session: session, id: subscription.id)
        }
        self.subscriptions[key] = SubscriptionState(subscription, version: version)
        self.subscribers[subscription.topic, default: []].append(key)
        self.sessions[session]?.subscriptionIDs.append(subscription.id)
    }

    /// Removes a subscription with its queued and parked messages; no frame of it is
    /// drained afterwards. Unknown ids are ignored.
    ///
    /// ```swift
    /// case .unsubscribe(let id): actions = broker.unsubscribe(session: session.id, id: id)
    /// ```
    ///
    /// - Parameters:
    ///   - session: The session id.
    ///   - id: The subscription id.
    /// - Returns: ``Action/drain(session:)`` when removing it let another subscription's gap
    ///   notice be queued.
    public mutating func unsubscribe(session: String, id: String) -> [Action] {
        let key = SubscriptionKey(session: session, id: id)
        guard let state = self.forget(key) else {
            return []
        }
        self.sessions[session]?.subscriptionIDs.removeAll { $0 == id }
        self.sessions[session]?.removeQueued(of: id)
        for delivery in state.parked {
            self.sessions[session]?.unpark(delivery)
        }
        return self.closeGaps(session: session)
    }

    /// Removes a subscription from the subscription table and its topic.
    ///
    /// - Parameters:
    ///   - key: The subscription.
    /// - Returns: Its state, or `nil` when it was unknown.
    @discardableResult
    mutating func forget(_ key: SubscriptionKey) -> SubscriptionState? {
        guard let state = self.subscriptions.removeValue(forKey: key) else {
            return nil
        }
        self.subscribers[state.topic]?.removeAll { $0 == key }
        if self.subscribers[state.topic]?.isEmpty == true {
            self.subscribers[state.topic] = nil
        }
        return state
    }
}
