extension STOMPSession {
    /// Handles `SUBSCRIBE`: checks it, registers the subscription and asks the owner to
    /// subscribe. STOMP 1.0 allows a missing `id`; the destination then serves as the id.
    mutating func subscribe(_ frame: STOMPFrame) throws(STOMPSessionError) -> FrameEffect {
        let destination = try frame.requiredHeader("destination")
        let id = try self.subscriptionID(of: frame)
        let ackMode = try AckMode(headerValue: frame.headers["ack"])
        guard self.subscriptions[id] == nil else {
            throw .duplicateSubscription(id)
        }
        guard self.subscriptions.count < self.configuration.maxSubscriptions else {
            throw .limitExceeded(.subscriptions, maximum: self.configuration.maxSubscriptions)
        }
        let subscription = Subscription(id: id, destination: destination, ackMode: ackMode, headers: frame.headers)
        self.subscriptions[id] = subscription
        let operation = self.makeOperationID()
        return .deferred(operation, .subscribe(subscription, operation))
    }

    /// Handles `UNSUBSCRIBE`: forgets the subscription and its unacknowledged messages.
    mutating func unsubscribe(_ frame: STOMPFrame) throws(STOMPSessionError) -> FrameEffect {
        let id = try self.subscriptionID(of: frame)
        guard self.subscriptions.removeValue(forKey: id) != nil else {
            throw .unknownSubscription(id)
        }
        self.unacked.removeAll(of: id)
        return .immediate([.unsubscribe(id: id)])
    }

    /// The `id` header, or for STOMP 1.0 without one, the `destination` header.
    private func subscriptionID(of frame: STOMPFrame) throws(STOMPSessionError) -> String {
        guard self.version == .v1_0, frame.headers["id"] == nil else {
            return try frame.requiredHeader("id")
        }
        return try frame.requiredHeader("destination")
    }
}
