/// One of the per-session limits a ``STOMPSession`` enforces, named in
/// ``STOMPSessionError/limitExceeded(_:maximum:)``.
///
/// ```swift
/// if case .limitExceeded(.subscriptions, let maximum) = error { log("over \(maximum) subscriptions") }
/// ```
public enum STOMPSessionLimit: String, Sendable, Hashable, CaseIterable {
    /// Subscriptions per session (``STOMPSession/Configuration/maxSubscriptions``).
    case subscriptions = "subscription count"
    /// Open transactions per session (``STOMPSession/Configuration/maxOpenTransactions``).
    case openTransactions = "open transaction count"
    /// Frames queued in one transaction (``STOMPSession/Configuration/maxTransactionFrames``).
    case transactionFrames = "transaction frame count"
    /// `SEND` body bytes held by a session's open transactions
    /// (``STOMPSession/Configuration/maxTransactionBytes``).
    case transactionBytes = "transaction byte count"
    /// Bytes held while `CONNECT` is being authenticated
    /// (``STOMPLimits/maxBufferedByteCount`` of ``STOMPSession/Configuration/limits``).
    case inputDuringAuthentication = "input during authentication"
}
