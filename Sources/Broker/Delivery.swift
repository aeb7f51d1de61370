import NIOCore

/// One `MESSAGE` frame for one subscriber, in two parts so the body is never copied per
/// subscriber: write ``head`` then ``tail`` (e.g. as one `writev`).
///
/// ```swift
/// for delivery in broker.drain(session: id, maxBytes: 256 << 10).deliveries {
///     if let ackID = delivery.ackID { session.delivered(subscription: delivery.subscription, ackID: ackID) }
///     channel.write(delivery.head); channel.write(delivery.tail)
/// }
/// channel.flush()
/// ```
public struct Delivery: Sendable, Equatable {
    /// The subscriber's own part: `MESSAGE`, then the `subscription`, `message-id` and (for
    /// STOMP 1.2 `client` modes) `ack` headers. A gap notice is entirely in the head.
    public let head: ByteBuffer
    /// The part shared by every subscriber of the event on the same STOMP version: the
    /// other headers, the blank line, the body and the NUL.
    public let tail: ByteBuffer
    /// The subscription id the frame is for.
    public let subscription: String
    /// The ack id to report with `STOMPSession.delivered(subscription:ackID:)` when the
    /// frame is written; `nil` when the frame needs no acknowledgement.
    public let ackID: String?

    /// The frame's size in bytes.
    public var byteCount: Int {
        self.head.readableBytes + self.tail.readableBytes
    }
}
