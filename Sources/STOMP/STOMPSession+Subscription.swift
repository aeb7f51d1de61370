extension STOMPSession {
    /// A client's subscription, as the broker needs it.
    ///
    /// ```swift
    /// case .subscribe(let subscription, let operation):
    ///     broker.add(subscription.destination, id: subscription.id, from: subscription.fromPosition)
    /// ```
    public struct Subscription: Sendable, Equatable {
        /// The subscription id, echoed in each `MESSAGE` frame's `subscription` header.
        public var id: String
        /// The destination, e.g. `/topic/orders`.
        public var destination: String
        /// How its messages are acknowledged.
        public var ackMode: AckMode
        /// All of the `SUBSCRIBE` frame's headers, in wire order.
        public var headers: STOMPHeaders

        /// Creates a subscription.
        ///
        /// - Parameters:
        ///   - id: The subscription id.
        ///   - destination: The destination.
        ///   - ackMode: How messages are acknowledged.
        ///   - headers: The `SUBSCRIBE` frame's headers.
        public init(id: String, destination: String, ackMode: AckMode, headers: STOMPHeaders) {
            self.id = id
            self.destination = destination
            self.ackMode = ackMode
            self.headers = headers
        }

        /// The `selector` header: a row filter such as `status=eq.open`.
        public var selector: String? {
            self.headers["selector"]
        }

        /// The `from-position` header: replay after this position (or `earliest`).
        public var fromPosition: String? {
            self.headers["from-position"]
        }

        /// The `from-time` header: replay from this RFC 3339 timestamp.
        public var fromTime: String? {
            self.headers["from-time"]
        }

        /// The `old-row` header: `true` asks for row bodies that carry the old row.
        public var oldRow: String? {
            self.headers["old-row"]
        }
    }
}
