import Foundation
import Authorization
import JWTKit

/// The claims pglive reads from a token: the registered ones it checks and the `pglive`
/// access claim.
///
/// ```json
/// {"sub": "alice", "exp": 1795000000, "iss": "https://id.example", "aud": "pglive",
///  "pglive": {"read": ["orders"], "filters": {"orders": "tenant=eq.42"}}}
/// ```
///
/// Every time claim is checked by ``TokenVerifier`` against its own clock, skew and
/// configuration, so ``verify(using:)`` checks nothing.
public struct TokenClaims: JWTPayload, Equatable {
    /// `sub`: the subject, logged and named in denials.
    public var sub: SubjectClaim?
    /// `exp`: required; the session ends when it passes.
    public var exp: ExpirationClaim?
    /// `nbf`: the token is refused before it.
    public var nbf: NotBeforeClaim?
    /// `iat`: informational.
    public var iat: IssuedAtClaim?
    /// `iss`: must equal the configured issuer, when one is configured.
    public var iss: IssuerClaim?
    /// `aud`: must include the configured audience; a token with an audience is refused
    /// when none is configured.
    public var aud: AudienceClaim?
    /// `pglive`: what the token may do; without it, nothing.
    public var pglive: AccessClaim?

    /// Creates claims.
    ///
    /// - Parameters:
    ///   - subject: `sub`.
    ///   - expiresAt: `exp`.
    ///   - notBefore: `nbf`.
    ///   - issuedAt: `iat`.
    ///   - issuer: `iss`.
    ///   - audience: `aud`.
    ///   - access: the `pglive` claim.
    public init(
        subject: String? = nil, expiresAt: Date? = nil, notBefore: Date? = nil, issuedAt: Date? = nil,
        issuer: String? = nil, audience: [String]? = nil, access: AccessClaim? = nil
    ) {
        self.sub = subject.map(SubjectClaim.init(value:))
        self.exp = expiresAt.map(ExpirationClaim.init(value:))
        self.nbf = notBefore.map(NotBeforeClaim.init(value:))
        self.iat = issuedAt.map(IssuedAtClaim.init(value:))
        self.iss = issuer.map(IssuerClaim.init(value:))
        self.aud = audience.map(AudienceClaim.init(value:))
        self.pglive = access
    }

    /// Checks nothing: ``TokenVerifier`` checks the claims with its configuration.
    public func verify(using algorithm: some JWTAlgorithm) async throws {}
}
