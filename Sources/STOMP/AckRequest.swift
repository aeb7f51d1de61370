/// What an `ACK` or `NACK` frame asks for, read with the version's headers.
struct AckRequest: Sendable {
    /// Whether the frame is an `ACK` (`true`) or a `NACK` (`false`).
    let isPositive: Bool
    /// The acknowledged message's ack id: STOMP 1.2's `id`, else `message-id`.
    let ackID: String
    /// The `subscription` header (required in 1.1, optional in 1.0, unused in 1.2); when
    /// given, the message must belong to it.
    let subscription: String?

    /// Reads an `ACK` or `NACK` frame.
    ///
    /// - Parameters:
    ///   - frame: The frame.
    ///   - version: The connection's version, which decides the headers.
    /// - Throws: ``STOMPSessionError/missingHeader(_:command:)`` when a required header is absent.
    init(frame: STOMPFrame, version: STOMPVersion) throws(STOMPSessionError) {
        self.isPositive = frame.command == .ack
        switch version {
        case .v1_2:
            self.ackID = try frame.requiredHeader("id")
            self.subscription = nil
        case .v1_1:
            self.ackID = try frame.requiredHeader("message-id")
            self.subscription = try frame.requiredHeader("subscription")
        case .v1_0:
            self.ackID = try frame.requiredHeader("message-id")
            self.subscription = frame.headers["subscription"]
        }
    }
}
