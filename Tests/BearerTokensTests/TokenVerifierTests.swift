import Authorization
import BearerTokens
import Crypto
import CryptoExtras
import Foundation
import JWTKit
import Testing

/// Token verification without sockets: signatures, algorithms, time claims with skew,
/// issuer, audience and the access claim.
struct TokenVerifierTests {
    func hs256Verifier(issuer: String? = nil, audience: String? = nil, skew: Duration = .seconds(30)) async throws -> TokenVerifier {
        var keys = TokenKeySet()
        try await keys.addSecret(TokenFactory.secret)
        return TokenVerifier(keys: keys, issuer: issuer, audience: audience, clockSkew: skew)
    }

    @Test func aValidHS256TokenGivesItsSubjectAccessAndExpiryPlusSkew() async throws {
        let verifier = try await hs256Verifier()
        let claims = TokenFactory.claims(access: AccessClaim(read: ["sensors"], filters: ["sensors": "site=eq.7"]))
        let principal = try await verifier.verify(try await TokenFactory.hs256(claims))
        #expect(principal.kind == .token)
        #expect(principal.subject == "alice")
        #expect(principal.access.allows(.read, topic: "sensors"))
        #expect(!principal.access.allows(.publish, topic: "sensors"))
        #expect(principal.access.restriction(for: "sensors")?.description == "site=eq.7")
        #expect(principal.expiresAt == claims.exp!.value.addingTimeInterval(30))
    }

    @Test func aTokenWithoutThePGLiveClaimMayDoNothing() async throws {
        let principal = try await hs256Verifier().verify(try await TokenFactory.hs256(TokenFactory.claims(subject: nil, access: nil)))
        #expect(principal.access == .nothing)
        #expect(principal.subject == "token")
    }

    @Test func expiryIsCheckedWithTheClockSkewAllowance() async throws {
        let verifier = try await hs256Verifier()
        await #expect(throws: TokenError.expired) { try await verifier.verify(try await TokenFactory.hs256(TokenFactory.claims(expiresIn: -31))) }
        _ = try await verifier.verify(try await TokenFactory.hs256(TokenFactory.claims(expiresIn: -10)))
        let strict = try await hs256Verifier(skew: .zero)
        await #expect(throws: TokenError.expired) { try await strict.verify(try await TokenFactory.hs256(TokenFactory.claims(expiresIn: -1))) }
        await #expect(throws: TokenError.missingExpiry) { try await verifier.verify(try await TokenFactory.hs256(TokenFactory.claims(expiresIn: nil))) }
    }

    @Test func notBeforeIsCheckedWithTheClockSkewAllowance() async throws {
        let verifier = try await hs256Verifier()
        await #expect(throws: TokenError.notYetValid) {
            try await verifier.verify(try await TokenFactory.hs256(TokenFactory.claims(notBefore: 60)))
        }
        _ = try await verifier.verify(try await TokenFactory.hs256(TokenFactory.claims(notBefore: 20)))
    }

    @Test func issuerAndAudienceMustMatchTheConfiguration() async throws {
        let verifier = try await hs256Verifier(issuer: "https://id.example", audience: "pglive")
        let good = TokenFactory.claims(issuer: "https://id.example", audience: ["other", "pglive"])
        _ = try await verifier.verify(try await TokenFactory.hs256(good))
        await #expect(throws: TokenError.wrongIssuer) {
            try await verifier.verify(try await TokenFactory.hs256(TokenFactory.claims(issuer: "https://evil.example", audience: ["pglive"])))
        }
        await #expect(throws: TokenError.wrongIssuer) {
            try await verifier.verify(try await TokenFactory.hs256(TokenFactory.claims(audience: ["pglive"])))
        }
        await #expect(throws: TokenError.wrongAudience) {
            try await verifier.verify(try await TokenFactory.hs256(TokenFactory.claims(issuer: "https://id.example", audience: ["other"])))
        }
        await #expect(throws: TokenError.wrongAudience) {
            try await verifier.verify(try await TokenFactory.hs256(TokenFactory.claims(issuer: "https://id.example")))
        }
        // Without a configured audience, a token meant for someone else is refused.
        await #expect(throws: TokenError.wrongAudience) {
            try await hs256Verifier().verify(try await TokenFactory.hs256(TokenFactory.claims(audience: ["other"])))
        }
    }

    @Test func aTokenSignedWithAnotherSecretIsABadSignature() async throws {
        let other = Array("another secret that is long enough to be accepted".utf8)
        await #expect(throws: TokenError.badSignature) {
            try await hs256Verifier().verify(try await TokenFactory.hs256(secret: other))
        }
    }

    @Test func algNoneIsRefusedWhateverTheKeys() async throws {
        let token = try TokenFactory.forged(header: #"{"alg":"none","typ":"JWT"}"#, claims: TokenFactory.claims())
        await #expect(throws: TokenError.unsupportedAlgorithm("none")) { try await hs256Verifier().verify(token) }
    }

    @Test func anHS256TokenMadeWithTheRSAPublicKeyAsSecretIsRefused() async throws {
        let rsa = try Insecure.RSA.PrivateKey(backing: _RSA.Signing.PrivateKey(keySize: .bits2048))
        let pem = rsa.publicKey.pemRepresentation
        var keys = TokenKeySet()
        try await keys.addPublicKey(pem: pem)
        #expect(keys.algorithms == ["RS256"])
        let verifier = TokenVerifier(keys: keys)
        let confused = try await TokenFactory.hs256(secret: Array(pem.utf8))
        await #expect(throws: TokenError.unsupportedAlgorithm("HS256")) { try await verifier.verify(confused) }
        let signer = JWTKeyCollection()
        await signer.add(rsa: rsa, digestAlgorithm: .sha256)
        #expect(try await verifier.verify(try await TokenFactory.sign(TokenFactory.claims(), with: signer)).subject == "alice")
    }

    @Test func anES256PublicKeyPEMVerifiesES256Tokens() async throws {
        let key = ES256PrivateKey()
        var keys = TokenKeySet()
        try await keys.addPublicKey(pem: key.publicKey.pemRepresentation)
        #expect(keys.algorithms == ["ES256"])
        let signer = JWTKeyCollection()
        await signer.add(ecdsa: key)
        let principal = try await TokenVerifier(keys: keys).verify(try await TokenFactory.sign(TokenFactory.claims(), with: signer))
        #expect(principal.subject == "alice")
        let stranger = JWTKeyCollection()
        await stranger.add(ecdsa: ES256PrivateKey())
        await #expect(throws: TokenError.badSignature) {
            try await TokenVerifier(keys: keys).verify(try await TokenFactory.sign(TokenFactory.claims(), with: stranger))
        }
    }

    @Test func aJWKSVerifiesRS256TokensByKid() async throws {
        let rsa = try Insecure.RSA.PrivateKey(backing: _RSA.Signing.PrivateKey(keySize: .bits2048))
        let (modulus, exponent) = try rsa.publicKey.getKeyPrimitives()
        let jwks = #"{"keys": [{"kty": "RSA", "kid": "k1", "alg": "RS256", "n": "\#(TokenFactory.base64URL(Array(modulus)))", "e": "\#(TokenFactory.base64URL(Array(exponent)))"}]}"#
        var keys = TokenKeySet()
        try await keys.addKeySet(json: jwks)
        let verifier = TokenVerifier(keys: keys)
        let signer = JWTKeyCollection()
        await signer.add(rsa: rsa, digestAlgorithm: .sha256, kid: "k1")
        await signer.add(rsa: rsa, digestAlgorithm: .sha256, kid: "k2")
        #expect(try await verifier.verify(try await TokenFactory.sign(TokenFactory.claims(), with: signer, kid: "k1")).subject == "alice")
        await #expect(throws: TokenError.unknownKey("k2")) {
            try await verifier.verify(try await TokenFactory.sign(TokenFactory.claims(), with: signer, kid: "k2"))
        }
    }

    @Test func keySourcesThatCannotBeUsedAreRefused() async throws {
        var keys = TokenKeySet()
        await #expect(throws: TokenKeySetError.secretTooShort(bytes: 6)) { try await keys.addSecret(Array("secret".utf8)) }
        await #expect(throws: TokenKeySetError.self) { try await keys.addPublicKey(pem: ES256PrivateKey().pemRepresentation) }
        await #expect(throws: TokenKeySetError.self) { try await keys.addKeySet(json: #"{"keys": []}"#) }
        await #expect(throws: TokenKeySetError.self) { try await keys.addKeySet(json: #"{"keys": [{"kty": "RSA", "n": "AQAB", "e": "AQAB"}]}"#) }
        #expect(keys.isEmpty)
    }

    @Test func malformedTokensAndInvalidClaimsAreRefused() async throws {
        let verifier = try await hs256Verifier()
        await #expect(throws: TokenError.malformed) { try await verifier.verify("not a token") }
        await #expect(throws: TokenError.malformed) { try await verifier.verify("e30.e30") }
        let bad = TokenFactory.claims(access: AccessClaim(read: ["orders"], filters: ["orders": "tenant=zz.1"]))
        let token = try await TokenFactory.hs256(bad)
        do {
            _ = try await verifier.verify(token)
            Issue.record("a token with an invalid filter was accepted")
        } catch {
            guard case .invalidAccessClaim = error else {
                Issue.record("expected an invalid access claim, got \(error)")
                return
            }
        }
    }

    @Test func passcodesAndHeadersAreRecognisedAsTokensByShape() async throws {
        let token = try await TokenFactory.hs256()
        #expect(BearerToken.looksLikeToken(token))
        #expect(!BearerToken.looksLikeToken("secret"))
        #expect(!BearerToken.looksLikeToken("a.b.c"))
        #expect(BearerToken.fromAuthorization("Bearer \(token)") == token)
        #expect(BearerToken.fromAuthorization("bearer  \(token) ") == token)
        #expect(BearerToken.fromAuthorization("Basic YTpi") == nil)
    }
}
