/// Why a bearer token was refused. Mapped once at the edge: a STOMP `ERROR`
/// "authentication failed" with ``detail``, or an HTTP 401 with
/// `WWW-Authenticate: Bearer error="invalid_token"`.
///
/// No case carries the token or any part of it.
public enum TokenError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Not three base64url parts of JSON.
    case malformed
    /// The header's `alg` is not one a configured key verifies (`none` never is).
    case unsupportedAlgorithm(String)
    /// No configured key has the header's `kid`.
    case unknownKey(String)
    /// The signature does not verify.
    case badSignature
    /// There is no `exp` claim.
    case missingExpiry
    /// `exp` (plus the clock-skew allowance) has passed.
    case expired
    /// `nbf` (minus the clock-skew allowance) has not come yet.
    case notYetValid
    /// `iss` is not the configured issuer.
    case wrongIssuer
    /// `aud` does not name the configured audience (or names one when none is configured).
    case wrongAudience
    /// The `pglive` claim does not parse, with the reason.
    case invalidAccessClaim(String)

    /// A sentence for the client: what is wrong with its token.
    public var description: String {
        switch self {
        case .malformed: "the token is not a JWT (three base64url parts of JSON)"
        case .unsupportedAlgorithm(let algorithm): "the token's algorithm '\(algorithm)' is not accepted"
        case .unknownKey(let kid): "no key has the token's kid '\(kid)'"
        case .badSignature: "the token's signature does not verify"
        case .missingExpiry: "the token has no exp claim"
        case .expired: "token expired"
        case .notYetValid: "the token is not valid yet (nbf)"
        case .wrongIssuer: "the token's issuer (iss) is not accepted"
        case .wrongAudience: "the token's audience (aud) is not this server"
        case .invalidAccessClaim(let reason): "the token's pglive claim is invalid: \(reason)"
        }
    }

    /// A fixed phrase without anything taken from the token, safe for a header value such
    /// as `WWW-Authenticate`'s `error_description`.
    public var summary: String {
        switch self {
        case .malformed: "malformed token"
        case .unsupportedAlgorithm: "algorithm not accepted"
        case .unknownKey: "unknown key id"
        case .badSignature: "bad signature"
        case .missingExpiry: "no exp claim"
        case .expired: "token expired"
        case .notYetValid: "token not valid yet"
        case .wrongIssuer: "wrong issuer"
        case .wrongAudience: "wrong audience"
        case .invalidAccessClaim: "invalid pglive claim"
        }
    }
}
