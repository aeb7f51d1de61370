/// Why a benchmark connection or run failed.
///
/// ```swift
/// do { try await generator.run() } catch let error as LoadGeneratorError { print(error) }
/// ```
public enum LoadGeneratorError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The `--url` is not `ws://HOST[:PORT][/PATH]`.
    case invalidURL(String)
    /// The options contradict each other or are out of range.
    case invalidOption(String)
    /// The server answered the WebSocket upgrade with something other than 101.
    case upgradeRefused
    /// The broker sent an `ERROR` frame.
    case brokerError(message: String)
    /// The connection closed before the run ended.
    case connectionClosed
    /// The broker sent bytes that are not STOMP.
    case protocolError(String)
    /// A handshake step (CONNECTED or a RECEIPT) did not arrive in time.
    case timedOut(step: String)

    /// A one-line explanation for the command line.
    public var description: String {
        switch self {
        case .invalidURL(let url):
            "invalid URL \"\(url)\": expected ws://HOST[:PORT][/PATH]"
        case .invalidOption(let reason):
            reason
        case .upgradeRefused:
            "the server refused the WebSocket upgrade (wrong path, or no STOMP subprotocol)"
        case .brokerError(let message):
            "the broker sent ERROR: \(message)"
        case .connectionClosed:
            "the connection closed unexpectedly"
        case .protocolError(let detail):
            "the broker sent invalid STOMP: \(detail)"
        case .timedOut(let step):
            "timed out waiting for \(step)"
        }
    }
}
