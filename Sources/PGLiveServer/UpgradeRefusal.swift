import HistoryAPI
import HummingbirdCore

/// Why a `/stomp` WebSocket upgrade is refused, if it is: the one rule behind both the
/// upgrade itself (``STOMPUpgradeChannel``, a bare 400 and a log line) and a plain
/// `GET /stomp` (a JSON error saying what to change).
enum UpgradeRefusal: Equatable {
    /// A browser page of an origin the ``OriginPolicy`` does not allow.
    case originNotAllowed(origin: String)
    /// The URL carries credentials (``URLCredentials``), in this query parameter.
    case credentialsInURL(parameter: String)

    /// The refusal for a request, or `nil` when it may upgrade.
    ///
    /// - Parameters:
    ///   - origin: The request's `Origin` header.
    ///   - host: The request's `Host` (its authority).
    ///   - uri: The request's target.
    ///   - origins: Which pages may open WebSockets.
    init?(origin: String?, host: String?, uri: URI, origins: OriginPolicy) {
        if let origin, !origins.allows(origin: origin, host: host) {
            self = .originNotAllowed(origin: origin)
        } else if let name = URLCredentials.parameter(in: uri.queryParameters.map { (String($0.key), String($0.value)) }) {
            self = .credentialsInURL(parameter: name)
        } else {
            return nil
        }
    }

    /// The HTTP error a plain `GET /stomp` answers with.
    var error: HistoryError {
        switch self {
        case .originNotAllowed(let origin):
            HistoryError(
                .forbidden, "WebSocket connections from \(origin) are not allowed",
                detail: "pages of other origins need pglive serve --allowed-origin \(origin)")
        case .credentialsInURL(let name):
            HistoryError(
                .invalidParameter, "credentials in the URL are refused (query parameter \(name))",
                detail: "send the token in the STOMP CONNECT frame: passcode or an Authorization: Bearer header")
        }
    }
}
