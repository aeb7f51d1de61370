extension STOMPSession {
    /// Handles `ACK` and `NACK`: queues it in its transaction, or settles the messages now.
    mutating func acknowledge(_ frame: STOMPFrame) throws(STOMPSessionError) -> FrameEffect {
        let request = try AckRequest(frame: frame, version: self.version)
        if let transaction = frame.headers["transaction"] {
            try self.queue(.acknowledgement(request), in: transaction)
            return .immediate([])
        }
        return .immediate(self.settle(request))
    }

    /// Settles the messages an `ACK` or `NACK` names.
    ///
    /// An ack id that is not outstanding — never delivered with an ack, already settled
    /// (a `client` ACK settles earlier messages too), of an `auto` or removed subscription,
    /// or of another subscription than the frame names — settles nothing and is no error.
    /// A `NACK` settles like an `ACK`: pglive does not redeliver.
    ///
    /// - Returns: ``Action/ack(_:)`` or ``Action/nack(_:)``, then
    ///   ``Action/resumeDelivery(subscription:)`` when this reopened a paused subscription.
    mutating func settle(_ request: AckRequest) -> [Action] {
        guard let id = self.unacked.subscription(holding: request.ackID),
            request.subscription == nil || request.subscription == id,
            let subscription = self.subscriptions[id]
        else {
            return []
        }
        let wasPaused = !self.canDeliver(subscription: id)
        let ackIDs = self.unacked.settle(request.ackID, cumulative: subscription.ackMode == .client)
        let acknowledgement = Acknowledgement(subscription: id, ackIDs: ackIDs)
        var actions: [Action] = [request.isPositive ? .ack(acknowledgement) : .nack(acknowledgement)]
        if wasPaused, self.canDeliver(subscription: id) {
            actions.append(.resumeDelivery(subscription: id))
        }
        return actions
    }
}
