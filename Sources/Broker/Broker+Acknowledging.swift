import STOMP

extension Broker {
    /// Returns credit to a `client` or `client-individual` subscription for the messages
    /// its client acknowledged or refused, queueing the parked messages that now fit.
    ///
    /// The broker counts each message with an ``Delivery/ackID`` from the moment it is
    /// queued, against ``Subscription/maxUnackedMessages``; the session counts the same
    /// messages once written. With the same limit, the session's `canDeliver` holds for every
    /// frame the broker hands out.
    ///
    /// ```swift
    /// case .ack(let acknowledgement), .nack(let acknowledgement):
    ///     perform(broker.acknowledged(acknowledgement, session: session.id))
    /// ```
    ///
    /// - Parameters:
    ///   - acknowledgement: What the session settled, from its `.ack` or `.nack` action.
    ///   - session: The session id.
    /// - Returns: ``Action/drain(session:)`` when the session's queue was empty.
    public mutating func acknowledged(_ acknowledgement: STOMPSession.Acknowledgement, session: String) -> [Action] {
        let key = SubscriptionKey(session: session, id: acknowledgement.subscription)
        guard let released = self.subscriptions[key]?.settle(acknowledgement.ackIDs.count) else {
            return []
        }
        var actions: [Action] = []
        for delivery in released {
            self.sessions[session]?.unpark(delivery)
            if self.sessions[session]?.enqueue(delivery) == true {
                actions.append(.drain(session: session))
            }
        }
        return actions + self.closeGaps(session: session)
    }
}
