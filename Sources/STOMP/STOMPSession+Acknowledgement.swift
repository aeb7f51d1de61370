extension STOMPSession {
    /// Messages that one `ACK` or `NACK` settled.
    ///
    /// ```swift
    /// case .ack(let acknowledgement):
    ///     metrics.acked(acknowledgement.ackIDs.count)
    /// ```
    public struct Acknowledgement: Sendable, Equatable {
        /// The subscription the messages were delivered to.
        public var subscription: String
        /// The settled messages' ack ids, in delivery order: for a `client` subscription the
        /// named message and every earlier unsettled one, else the named message alone.
        public var ackIDs: [String]

        /// Creates an acknowledgement.
        ///
        /// - Parameters:
        ///   - subscription: The subscription id.
        ///   - ackIDs: The settled ack ids, in delivery order.
        public init(subscription: String, ackIDs: [String]) {
            self.subscription = subscription
            self.ackIDs = ackIDs
        }
    }
}
