import Authorization
import BearerTokens
import Foundation
import JWTKit

/// Signs test tokens with keys made in the test: nothing private is committed.
enum TokenFactory {
    /// A 48-byte HS256 secret.
    static let secret = Array("0123456789abcdef0123456789abcdef0123456789abcdef".utf8)

    /// Whole seconds from now.
    static func time(_ offset: TimeInterval) -> Date {
        Date(timeIntervalSince1970: (Date().timeIntervalSince1970 + offset).rounded(.down))
    }

    /// Claims for `alice` reading `sensors`, valid for an hour unless told otherwise.
    static func claims(
        subject: String? = "alice", expiresIn: TimeInterval? = 3600, notBefore: TimeInterval? = nil,
        issuer: String? = nil, audience: [String]? = nil, access: AccessClaim? = AccessClaim(read: ["sensors"])
    ) -> TokenClaims {
        TokenClaims(
            subject: subject, expiresAt: expiresIn.map(time), notBefore: notBefore.map(time), issuedAt: time(0),
            issuer: issuer, audience: audience, access: access)
    }

    /// An HS256 token.
    static func hs256(_ claims: TokenClaims = claims(), secret: [UInt8] = secret) async throws -> String {
        let keys = JWTKeyCollection()
        await keys.add(hmac: HMACKey(from: secret), digestAlgorithm: .sha256)
        return try await keys.sign(claims)
    }

    /// A token signed with any key of a collection.
    static func sign(_ claims: TokenClaims, with keys: JWTKeyCollection, kid: String? = nil) async throws -> String {
        try await keys.sign(claims, kid: kid.map { JWKIdentifier(string: $0) })
    }

    /// An unsigned token with any header: `alg: none` and other forgeries.
    static func forged(header: String, claims: TokenClaims, signature: [UInt8] = []) throws -> String {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .secondsSince1970
        let payload = try encoder.encode(claims)
        return base64URL(Array(header.utf8)) + "." + base64URL(Array(payload)) + "." + base64URL(signature)
    }

    /// Unpadded base64url.
    static func base64URL(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
