import JWTKit

/// Signs HS256 tokens with a shared secret: `pglive token` and tests.
///
/// ```swift
/// let issuer = try await TokenIssuer(secret: secret)
/// let token = try await issuer.issue(TokenClaims(subject: "alice", expiresAt: .now + 3600, access: AccessClaim(read: ["*"])))
/// ```
public struct TokenIssuer: Sendable {
    /// The signing key.
    private let collection: JWTKeyCollection

    /// Creates an issuer.
    ///
    /// - Parameters:
    ///   - secret: The HS256 secret, as `pglive serve --jwt-secret-file` reads it.
    /// - Throws: ``TokenKeySetError/secretTooShort(bytes:)`` under 32 bytes.
    public init(secret: [UInt8]) async throws(TokenKeySetError) {
        guard secret.count >= TokenKeySet.minimumSecretLength else {
            throw .secretTooShort(bytes: secret.count)
        }
        self.collection = JWTKeyCollection()
        await self.collection.add(hmac: HMACKey(from: secret), digestAlgorithm: .sha256)
    }

    /// Signs claims.
    ///
    /// - Parameters:
    ///   - claims: The claims.
    /// - Returns: The compact JWT, `header.payload.signature`.
    public func issue(_ claims: TokenClaims) async throws -> String {
        try await self.collection.sign(claims)
    }
}
