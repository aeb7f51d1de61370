extension STOMPSession {
    /// How a subscription's messages are acknowledged, from the `SUBSCRIBE` frame's `ack`
    /// header.
    ///
    /// ```swift
    /// try STOMPSession.AckMode(headerValue: "client-individual") // .clientIndividual
    /// ```
    public enum AckMode: String, Sendable, Hashable, CaseIterable {
        /// Messages need no acknowledgement (the default).
        case auto
        /// `ACK` of a message acknowledges it and every earlier message of the subscription.
        case client
        /// `ACK` of a message acknowledges only that message.
        case clientIndividual = "client-individual"

        /// Reads an `ack` header; an absent header means ``auto``.
        ///
        /// - Parameters:
        ///   - headerValue: The header's value, or `nil` when the frame has none.
        /// - Throws: ``STOMPSessionError/invalidAckMode(_:)`` for any other value.
        public init(headerValue: String?) throws(STOMPSessionError) {
            guard let headerValue else {
                self = .auto
                return
            }
            guard let mode = AckMode(rawValue: headerValue) else {
                throw .invalidAckMode(headerValue)
            }
            self = mode
        }
    }
}
