import Authorization
import Foundation
import JWTKit

/// Verifies bearer tokens: the signature with a key of the header's algorithm, then `exp`
/// (required), `nbf`, `iss` and `aud` with a clock-skew allowance, then the `pglive`
/// access claim. What comes out is a ``Principal``.
///
/// ```swift
/// var keys = TokenKeySet()
/// try await keys.addSecret(secret)
/// let verifier = TokenVerifier(keys: keys, issuer: "https://id.example", audience: "pglive")
/// let principal = try await verifier.verify(token)
/// ```
public struct TokenVerifier: Sendable {
    /// The keys.
    public let keys: TokenKeySet
    /// The required `iss`, or `nil` to accept any.
    public let issuer: String?
    /// The audience `aud` must name, or `nil` to accept only tokens without `aud`.
    public let audience: String?
    /// How far the issuer's clock may be off ours, either way.
    public let clockSkew: Duration

    /// The default clock-skew allowance: 30 seconds.
    public static let defaultClockSkew = Duration.seconds(30)

    /// Creates a verifier.
    ///
    /// - Parameters:
    ///   - keys: The verification keys.
    ///   - issuer: The required `iss`, if any.
    ///   - audience: The audience `aud` must name, if any.
    ///   - clockSkew: The allowance for `exp` and `nbf`; 30 s by default.
    public init(keys: TokenKeySet, issuer: String? = nil, audience: String? = nil, clockSkew: Duration = Self.defaultClockSkew) {
        self.keys = keys
        self.issuer = issuer
        self.audience = audience
        self.clockSkew = clockSkew
    }

    /// Verifies a token and returns who it speaks for.
    ///
    /// - Parameters:
    ///   - token: The compact JWT.
    ///   - now: The current time.
    /// - Returns: A ``Principal`` of kind `token`, subject `sub` (or `token` without one),
    ///   the claim's access, and `expiresAt` = `exp` + the allowance.
    /// - Throws: ``TokenError``.
    public func verify(_ token: String, now: Date = Date()) async throws(TokenError) -> Principal {
        let header = try TokenHeader(token: token)
        var failure = TokenError.badSignature
        for key in try self.keys.candidates(for: header) {
            let claims: TokenClaims
            do {
                claims = try await key.collection.verify(token, as: TokenClaims.self)
            } catch let error as JWTError where error.errorType == .signatureVerificationFailed {
                continue
            } catch {
                failure = .malformed
                continue
            }
            return try self.principal(from: claims, now: now)
        }
        throw failure
    }

    /// Checks verified claims and builds the principal.
    ///
    /// - Throws: ``TokenError`` for a missing or passed `exp`, a future `nbf`, a wrong `iss`
    ///   or `aud`, or an invalid `pglive` claim.
    func principal(from claims: TokenClaims, now: Date) throws(TokenError) -> Principal {
        let skew = TimeInterval(self.clockSkew.components.seconds) + TimeInterval(self.clockSkew.components.attoseconds) / 1e18
        guard let expiry = claims.exp?.value else {
            throw .missingExpiry
        }
        let expiresAt = expiry.addingTimeInterval(skew)
        guard now < expiresAt else {
            throw .expired
        }
        if let notBefore = claims.nbf?.value, now < notBefore.addingTimeInterval(-skew) {
            throw .notYetValid
        }
        if let issuer = self.issuer, claims.iss?.value != issuer {
            throw .wrongIssuer
        }
        if let audiences = claims.aud?.value {
            guard let audience = self.audience, audiences.contains(audience) else {
                throw .wrongAudience
            }
        } else if self.audience != nil {
            throw .wrongAudience
        }
        let access: AccessPolicy
        do {
            access = try claims.pglive.map { claim throws(AccessPolicyError) in try AccessPolicy(claim: claim) } ?? .nothing
        } catch {
            throw .invalidAccessClaim(error.description)
        }
        return Principal(kind: .token, subject: claims.sub?.value ?? "token", access: access, expiresAt: expiresAt)
    }
}
