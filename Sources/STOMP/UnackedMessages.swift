/// The messages a session delivered to `client` and `client-individual` subscriptions
/// that the client has not acknowledged yet.
///
/// Ack ids are unique within a session; each belongs to one subscription and they are kept
/// in delivery order per subscription.
struct UnackedMessages: Sendable {
    /// Ack ids per subscription id, in delivery order.
    private var ackIDsBySubscription: [String: [String]] = [:]
    /// The subscription id of each ack id.
    private var subscriptionByAckID: [String: String] = [:]

    /// The number of unacknowledged messages of a subscription.
    ///
    /// - Parameters:
    ///   - subscription: The subscription id.
    func count(for subscription: String) -> Int {
        self.ackIDsBySubscription[subscription]?.count ?? 0
    }

    /// The subscription an unacknowledged message was delivered to, or `nil` when the ack id
    /// is not outstanding.
    ///
    /// - Parameters:
    ///   - ackID: The message's ack id.
    func subscription(holding ackID: String) -> String? {
        self.subscriptionByAckID[ackID]
    }

    /// Records a delivered message.
    ///
    /// - Parameters:
    ///   - ackID: The message's ack id.
    ///   - subscription: The subscription id it went to.
    mutating func add(_ ackID: String, subscription: String) {
        self.ackIDsBySubscription[subscription, default: []].append(ackID)
        self.subscriptionByAckID[ackID] = subscription
    }

    /// Settles an outstanding message, and with `cumulative` every earlier one of its
    /// subscription.
    ///
    /// - Parameters:
    ///   - ackID: The acknowledged message's ack id.
    ///   - cumulative: Whether earlier messages are settled too (`client` ack mode).
    /// - Returns: The settled ack ids, in delivery order; empty when `ackID` is not outstanding.
    mutating func settle(_ ackID: String, cumulative: Bool) -> [String] {
        guard let subscription = self.subscriptionByAckID[ackID],
            var ackIDs = self.ackIDsBySubscription[subscription],
            let index = ackIDs.firstIndex(of: ackID)
        else {
            return []
        }
        let settled = cumulative ? Array(ackIDs[...index]) : [ackID]
        ackIDs.removeSubrange(cumulative ? 0...index : index...index)
        self.ackIDsBySubscription[subscription] = ackIDs
        for settledID in settled {
            self.subscriptionByAckID[settledID] = nil
        }
        return settled
    }

    /// Forgets every message of a subscription.
    ///
    /// - Parameters:
    ///   - subscription: The subscription id.
    mutating func removeAll(of subscription: String) {
        for ackID in self.ackIDsBySubscription.removeValue(forKey: subscription) ?? [] {
            self.subscriptionByAckID[ackID] = nil
        }
    }
}
