import BearerTokens

/// Why credentials were refused: a STOMP `ERROR` "authentication failed" with ``detail``,
/// or an HTTP 401 with `WWW-Authenticate`. No case carries a password or a token.
public enum AuthenticationFailure: Error, Sendable, Hashable, CustomStringConvertible {
    /// No credentials, and anonymous access is off.
    case credentialsRequired
    /// An unknown login or a wrong password.
    case wrongPassword
    /// A token, but no key is configured to verify tokens.
    case tokensNotAccepted
    /// An `Authorization` value with a scheme other than `Basic` or `Bearer`.
    case unsupportedScheme
    /// A token that does not verify.
    case invalidToken(TokenError)

    /// A sentence for the client.
    public var detail: String {
        switch self {
        case .credentialsRequired: "This server needs credentials: a login and passcode, or a bearer token."
        case .wrongPassword: "Unknown login or wrong passcode."
        case .tokensNotAccepted: "This server accepts no bearer tokens."
        case .unsupportedScheme: "The Authorization header must use the Basic or Bearer scheme."
        case .invalidToken(let error): "The token was refused: \(error)."
        }
    }

    /// The detail, for logs.
    public var description: String {
        self.detail
    }
}
