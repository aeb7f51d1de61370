import NIOCore
import STOMP

/// Writes a subscription's own part of its `MESSAGE` frames, prepared once per
/// subscription so a delivery only adds the position.
///
/// The head is `MESSAGE`, `subscription:<id>`, `message-id:<position>-<id>` and, for STOMP
/// 1.2 `client` modes, `ack:<position>-<id>`. A message id is unique in its session: ids
/// are unique there, a position belongs to one event, and a decimal position never holds
/// the `-` that ends it.
struct MessageHead: Sendable {
    /// The subscription id.
    private let subscription: String
    /// `MESSAGE`, the `subscription` header and `message-id:`, escaped.
    private let prefix: ByteBuffer
    /// `-<id>` and an EOL, escaped: what follows the position in `message-id` and `ack`.
    private let suffix: ByteBuffer
    /// Whether messages need an acknowledgement.
    private let needsAck: Bool
    /// Whether frames carry an `ack` header (STOMP 1.2 only).
    private let writesAckHeader: Bool

    /// Prepares the head of a subscription's messages.
    ///
    /// - Parameters:
    ///   - subscription: The subscription id.
    ///   - version: The session's version, which decides the escaping.
    ///   - ackMode: The subscription's ack mode.
    init(subscription: String, version: STOMPVersion, ackMode: STOMPSession.AckMode) {
        let escaping = HeaderEscaping(version: version, command: .message)
        var prefix = ByteBuffer()
        prefix.writeString(STOMPCommand.message.rawValue)
        prefix.writeInteger(UInt8(ascii: "\n"))
        STOMPFrame.writeHeader(name: "subscription", value: subscription, escaping: escaping, into: &prefix)
        prefix.writeString("message-id:")
        var suffix = ByteBuffer()
        escaping.write("-" + subscription, into: &suffix)
        suffix.writeInteger(UInt8(ascii: "\n"))
        self.subscription = subscription
        self.prefix = prefix
        self.suffix = suffix
        self.needsAck = ackMode != .auto
        self.writesAckHeader = self.needsAck && version == .v1_2
    }

    /// The delivery of one event to the subscription.
    ///
    /// - Parameters:
    ///   - position: The event's position as decimal text.
    ///   - tail: The event's shared tail for the session's version.
    func delivery(position: String, tail: ByteBuffer) -> Delivery {
        let idBytes = position.utf8.count + self.suffix.readableBytes
        var head = ByteBuffer()
        head.reserveCapacity(self.prefix.readableBytes + 2 * idBytes + 4)
        head.writeImmutableBuffer(self.prefix)
        head.writeString(position)
        head.writeImmutableBuffer(self.suffix)
        if self.writesAckHeader {
            head.writeString("ack:")
            head.writeString(position)
            head.writeImmutableBuffer(self.suffix)
        }
        let ackID = self.needsAck ? "\(position)-\(self.subscription)" : nil
        return Delivery(head: head, tail: tail, subscription: self.subscription, ackID: ackID)
    }
}
