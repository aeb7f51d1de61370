/// Why a ``STOMPSession`` sent an `ERROR` frame and closed.
///
/// ``message`` is the ERROR frame's short `message` header and ``detail`` its body; the
/// session builds the frame with `STOMPFrame.error(_:receiptID:)`.
///
/// ```swift
/// case .close(.error(.protocolViolation(let error)), _): metrics.protocolErrors.increment()
/// ```
public enum STOMPSessionError: Error, Sendable, Hashable {
    /// The bytes are not valid STOMP or passed a parser limit.
    case protocolViolation(STOMPProtocolError)
    /// A frame other than `CONNECT` or `STOMP` arrived before the connection was made.
    case notConnected(STOMPCommand)
    /// A second `CONNECT` or `STOMP` arrived.
    case alreadyConnected
    /// The client sent a frame only a server may send, such as `MESSAGE`.
    case unexpectedCommand(STOMPCommand)
    /// A frame lacks a header its command and version require.
    case missingHeader(String, command: STOMPCommand)
    /// A `SUBSCRIBE` frame's `ack` header is not `auto`, `client` or `client-individual`.
    case invalidAckMode(String)
    /// A `SUBSCRIBE` frame reuses the id of a live subscription.
    case duplicateSubscription(String)
    /// An `UNSUBSCRIBE` frame names no live subscription.
    case unknownSubscription(String)
    /// A `BEGIN` frame reuses the id of an open transaction.
    case duplicateTransaction(String)
    /// A frame names a transaction that is not open.
    case unknownTransaction(String)
    /// A frame would pass a per-session limit.
    case limitExceeded(STOMPSessionLimit, maximum: Int)
    /// Nothing arrived from the client for this many milliseconds, the negotiated interval
    /// times ``STOMPSession/Configuration/heartBeatTimeoutFactor``.
    case heartBeatTimeout(milliseconds: Int)
    /// The credentials the session was opened with (a token's `exp`) expired.
    case credentialsExpired
    /// No `CONNECT` was sent, or it was not authenticated, within this many milliseconds
    /// (``STOMPSession/Configuration/connectTimeout``).
    case connectTimeout(milliseconds: Int64)
    /// `SEND` frames came faster than ``STOMPSession/Configuration/sendRate`` allows.
    case sendRateExceeded(RateLimit)
    /// The owner refused the client or ended the session: failed authentication, a refused
    /// subscription, SEND or COMMIT, a shutdown, a slow consumer.
    case reported(message: String, detail: String)
}
