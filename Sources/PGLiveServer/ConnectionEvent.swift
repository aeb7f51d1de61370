import NIOCore
import STOMP

/// What one connection's driver reacts to, in the order it happened: everything that
/// touches the connection's `STOMPSession` goes through its mailbox, so the session has
/// one owner.
enum ConnectionEvent: Sendable {
    /// The connection was accepted: it joins the hub, first of all.
    case opened
    /// Bytes from the client.
    case received(ByteBuffer)
    /// The client closed the connection, or reading failed.
    case peerClosed
    /// The hub wrote messages that need an `ACK`, as (subscription, ack id): the session
    /// must know them before the client can acknowledge them, and the client receives
    /// them only after this event is queued.
    case delivered([(subscription: String, ackID: String)])
    /// The server ends the session: shutdown or a slow consumer.
    case terminate(message: String, detail: String)
    /// An operation the session asked for took effect.
    case completed(STOMPSession.OperationID)
    /// An operation the session asked for failed.
    case failed(STOMPSession.OperationID, ServerError)
    /// The heart-beat timer fired.
    case tick
}
