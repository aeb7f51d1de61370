/// The command that opens a STOMP frame.
///
/// Commands are case-sensitive: `send` is not `SEND` and is rejected by the parser as an
/// unknown command. `STOMP` is kept distinct from `CONNECT` so the session layer can see
/// which one the client used, although both open a connection.
///
/// ```swift
/// let command = STOMPCommand(rawValue: "SUBSCRIBE") // .subscribe
/// ```
public enum STOMPCommand: String, Sendable, Hashable, CaseIterable {
    /// Client: opens a connection (STOMP 1.0 spelling).
    case connect = "CONNECT"
    /// Client: opens a connection (STOMP 1.1+ spelling, same meaning as `CONNECT`).
    case stomp = "STOMP"
    /// Client: sends a message to a destination.
    case send = "SEND"
    /// Client: subscribes to a destination.
    case subscribe = "SUBSCRIBE"
    /// Client: removes a subscription.
    case unsubscribe = "UNSUBSCRIBE"
    /// Client: acknowledges a message.
    case ack = "ACK"
    /// Client: refuses a message.
    case nack = "NACK"
    /// Client: starts a transaction.
    case begin = "BEGIN"
    /// Client: commits a transaction.
    case commit = "COMMIT"
    /// Client: rolls back a transaction.
    case abort = "ABORT"
    /// Client: closes the connection gracefully.
    case disconnect = "DISCONNECT"
    /// Server: accepts a connection.
    case connected = "CONNECTED"
    /// Server: delivers a message to a subscription.
    case message = "MESSAGE"
    /// Server: confirms a frame that asked for a receipt.
    case receipt = "RECEIPT"
    /// Server: reports an error; the connection is closed after it.
    case error = "ERROR"

    /// Whether this command belongs to the connection handshake (`CONNECT`, `STOMP`,
    /// `CONNECTED`), whose header values are never escaped on the wire.
    public var isHandshake: Bool {
        switch self {
        case .connect, .stomp, .connected:
            true
        default:
            false
        }
    }
}
