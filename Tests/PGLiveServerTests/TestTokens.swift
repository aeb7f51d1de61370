import Authorization
import BearerTokens
import Foundation
import JWTKit

/// The keys and tokens of ``TestServer/secured``: an HS256 secret and an ES256 key pair
/// made when the tests start (no private key is committed), the issuer and the audience.
enum TestTokens {
    /// The HS256 secret.
    static let secret = Array("pglive test secret, at least thirty-two bytes long".utf8)
    /// The ES256 key pair, new in every test run.
    static let ecKey = ES256PrivateKey()
    /// The issuer the server requires.
    static let issuer = "https://issuer.test"
    /// The audience the server requires.
    static let audience = "pglive-test"

    /// The secured server's verifier: both keys, issuer and audience, no clock skew (so a
    /// short `exp` ends a session at once).
    static func verifier() async throws -> TokenVerifier {
        var keys = TokenKeySet()
        try await keys.addSecret(secret)
        try await keys.addPublicKey(pem: ecKey.publicKey.pemRepresentation)
        return TokenVerifier(keys: keys, issuer: issuer, audience: audience, clockSkew: .zero)
    }

    /// How a test token is signed.
    enum Signature {
        /// HS256 with ``secret``.
        case hs256
        /// ES256 with ``ecKey``.
        case es256
        /// HS256 with another secret: a bad signature.
        case wrongSecret
    }

    /// Whole seconds from now.
    static func time(_ offset: TimeInterval) -> Date {
        Date(timeIntervalSince1970: (Date().timeIntervalSince1970 + offset).rounded(.down))
    }

    /// A token for `subject` with the access claim, valid for an hour unless told otherwise.
    static func token(
        subject: String = "tenant-42", access: AccessClaim? = AccessClaim(read: ["*"]), expiresIn: TimeInterval = 3600,
        notBefore: TimeInterval? = nil, issuer: String = issuer, audience: String = audience, signature: Signature = .hs256
    ) async throws -> String {
        let claims = TokenClaims(
            subject: subject, expiresAt: time(expiresIn), notBefore: notBefore.map(time), issuedAt: time(0),
            issuer: issuer, audience: [audience], access: access)
        let keys = JWTKeyCollection()
        switch signature {
        case .hs256: await keys.add(hmac: HMACKey(from: secret), digestAlgorithm: .sha256)
        case .es256: await keys.add(ecdsa: ecKey)
        case .wrongSecret: await keys.add(hmac: HMACKey(from: Array("some other secret, also thirty-two bytes or more".utf8)), digestAlgorithm: .sha256)
        }
        return try await keys.sign(claims)
    }

    /// The bad tokens every entry point must refuse, with the reason the refusal names.
    static func refused() async throws -> [(name: String, token: String, reason: String)] {
        let claims = TokenClaims(subject: "x", expiresAt: time(3600), issuer: issuer, audience: [audience], access: AccessClaim(read: ["*"]))
        let unsigned = try JSONEncoder.jwt.encode(claims)
        let none = base64URL(Array(#"{"alg":"none","typ":"JWT"}"#.utf8)) + "." + base64URL(Array(unsigned)) + "."
        return [
            ("expired", try await token(expiresIn: -5), "token expired"),
            ("not yet valid", try await token(notBefore: 120), "not valid yet"),
            ("wrong issuer", try await token(issuer: "https://evil.test"), "issuer"),
            ("wrong audience", try await token(audience: "someone-else"), "audience"),
            ("bad signature", try await token(signature: .wrongSecret), "signature"),
            ("alg none", none, "algorithm 'none'"),
        ]
    }

    /// Unpadded base64url.
    static func base64URL(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}

extension JSONEncoder {
    /// Encodes claims as a JWT payload: dates as seconds since 1970.
    static var jwt: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .secondsSince1970
        return encoder
    }
}
