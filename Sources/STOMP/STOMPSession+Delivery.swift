extension STOMPSession {
    /// Whether the broker may deliver another message to a subscription now.
    ///
    /// `true` for an `auto` subscription of a connected session; for `client` and
    /// `client-individual`, only while fewer than
    /// ``Configuration/maxUnackedMessages`` messages await their ACK. Once it turns `false`,
    /// the session returns ``Action/resumeDelivery(subscription:)`` when an ACK or NACK
    /// brings the subscription back under the limit.
    ///
    /// ```swift
    /// while session.canDeliver(subscription: id), let message = queue.popFirst() { write(message) }
    /// ```
    ///
    /// - Parameters:
    ///   - subscription: The subscription id.
    /// - Returns: `false` as well for an unknown subscription or a session that is not
    ///   connected (also after `DISCONNECT`).
    public func canDeliver(subscription: String) -> Bool {
        guard self.state == .connected, let ackMode = self.subscriptions[subscription]?.ackMode else {
            return false
        }
        return ackMode == .auto || self.unacked.count(for: subscription) < self.configuration.maxUnackedMessages
    }

    /// Records that the broker delivered a message that needs an acknowledgement.
    ///
    /// Call it for each `MESSAGE` written to a `client` or `client-individual` subscription;
    /// calls for `auto` or unknown subscriptions are ignored. The ack id is the value the
    /// client will name in its `ACK`: the MESSAGE's `ack` header in STOMP 1.2, its
    /// `message-id` in 1.0 and 1.1. Ack ids must be unique within the session.
    ///
    /// ```swift
    /// session.delivered(subscription: "sub-0", ackID: "sub-0:1042")
    /// ```
    ///
    /// - Parameters:
    ///   - subscription: The subscription id the message went to.
    ///   - ackID: The message's ack id.
    public mutating func delivered(subscription: String, ackID: String) {
        guard let ackMode = self.subscriptions[subscription]?.ackMode, ackMode != .auto else {
            return
        }
        self.unacked.add(ackID, subscription: subscription)
    }
}
