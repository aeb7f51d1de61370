/// A listening endpoint of the server.
public enum Endpoint: String, Sendable, Hashable {
    /// HTTP: WebSocket `/stomp` and `/healthz`.
    case http
    /// Plain STOMP over TCP.
    case stomp
}
