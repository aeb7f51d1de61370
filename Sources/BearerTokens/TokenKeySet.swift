import Foundation
import JWTKit

/// The keys tokens are verified with, each bound to the one algorithm it verifies.
///
/// A token reaches only the keys of the algorithm its header names (and of its `kid`, when
/// keys have ids), so `alg: none` and algorithm confusion (an RS256 public key used as an
/// HS256 secret) have no key to reach.
///
/// ```swift
/// var keys = TokenKeySet()
/// try keys.addSecret(Array(secretFileBytes))
/// try keys.addPublicKey(pem: pemText)
/// try keys.addKeySet(json: jwksText)
/// ```
public struct TokenKeySet: Sendable {
    /// One verification key.
    struct Key: Sendable {
        /// The JWS algorithm it verifies: `HS256`, `RS256`, `ES256`, …
        let algorithm: String
        /// Its id, for keys from a JWKS.
        let kid: String?
        /// A collection holding only this key, as its default.
        let collection: JWTKeyCollection
    }

    /// The smallest HS256 secret, in bytes.
    public static let minimumSecretLength = 32

    /// The keys, in the order added.
    var keys: [Key] = []

    /// Creates an empty key set: no token verifies.
    public init() {}

    /// Whether no key was added.
    public var isEmpty: Bool {
        self.keys.isEmpty
    }

    /// The algorithms the keys verify, e.g. `["HS256", "RS256"]`.
    public var algorithms: [String] {
        var seen: [String] = []
        for key in self.keys where !seen.contains(key.algorithm) {
            seen.append(key.algorithm)
        }
        return seen
    }

    /// Adds an HS256 shared secret.
    ///
    /// - Parameters:
    ///   - secret: The secret's bytes (a file's content without its trailing newline).
    /// - Throws: ``TokenKeySetError/secretTooShort(bytes:)`` under 32 bytes.
    public mutating func addSecret(_ secret: [UInt8]) async throws(TokenKeySetError) {
        guard secret.count >= Self.minimumSecretLength else {
            throw .secretTooShort(bytes: secret.count)
        }
        let collection = JWTKeyCollection()
        await collection.add(hmac: HMACKey(from: secret), digestAlgorithm: .sha256)
        self.keys.append(Key(algorithm: "HS256", kid: nil, collection: collection))
    }

    /// Adds a PEM public key (or certificate): RSA verifies RS256, P-256 verifies ES256.
    ///
    /// - Parameters:
    ///   - pem: The PEM text.
    /// - Throws: ``TokenKeySetError/unsupportedPublicKey(_:)``.
    public mutating func addPublicKey(pem: String) async throws(TokenKeySetError) {
        let collection = JWTKeyCollection()
        if let key = (try? Insecure.RSA.PublicKey(pem: pem)) ?? (try? Insecure.RSA.PublicKey(certificatePEM: pem)) {
            await collection.add(rsa: key, digestAlgorithm: .sha256)
            self.keys.append(Key(algorithm: "RS256", kid: nil, collection: collection))
        } else if let key = (try? ES256PublicKey(pem: pem)) ?? (try? ES256PublicKey(certificate: pem)) {
            await collection.add(ecdsa: key)
            self.keys.append(Key(algorithm: "ES256", kid: nil, collection: collection))
        } else {
            throw .unsupportedPublicKey(pem.contains("PRIVATE KEY") ? "it holds a private key; give the public key" : "no such key found")
        }
    }

    /// Adds every key of a JSON Web Key Set. Each key needs a `kid`; its algorithm is its
    /// `alg`, or for keys without one, RS256 (RSA) or ES256/ES384/ES512 (EC by curve).
    ///
    /// - Parameters:
    ///   - json: The JWKS text, `{"keys": [...]}`.
    /// - Throws: ``TokenKeySetError/invalidKeySet(_:)``.
    public mutating func addKeySet(json: String) async throws(TokenKeySetError) {
        let set: JWKS
        do {
            set = try JSONDecoder().decode(JWKS.self, from: Data(json.utf8))
        } catch {
            throw .invalidKeySet("not a JWKS: \(error)")
        }
        guard !set.keys.isEmpty else {
            throw .invalidKeySet("it has no keys")
        }
        for jwk in set.keys {
            guard let kid = jwk.keyIdentifier?.string else {
                throw .invalidKeySet("every key needs a kid")
            }
            guard let algorithm = jwk.algorithm?.rawValue ?? Self.defaultAlgorithm(of: jwk) else {
                throw .invalidKeySet("the key '\(kid)' has no alg and no default one")
            }
            let collection = JWTKeyCollection()
            do {
                try await collection.add(jwk: jwk, isDefault: true)
            } catch {
                throw .invalidKeySet("the key '\(kid)': \(error)")
            }
            self.keys.append(Key(algorithm: algorithm, kid: kid, collection: collection))
        }
    }

    /// The keys a token with this header may be verified with: those of its algorithm and,
    /// when it names a `kid` some of them have, those only.
    ///
    /// - Throws: ``TokenError/unsupportedAlgorithm(_:)`` or ``TokenError/unknownKey(_:)``.
    func candidates(for header: TokenHeader) throws(TokenError) -> [Key] {
        let ofAlgorithm = self.keys.filter { $0.algorithm == header.alg }
        guard !ofAlgorithm.isEmpty else {
            throw .unsupportedAlgorithm(header.alg)
        }
        guard let kid = header.kid else {
            return ofAlgorithm
        }
        let named = ofAlgorithm.filter { $0.kid == kid }
        let candidates = named.isEmpty ? ofAlgorithm.filter { $0.kid == nil } : named
        guard !candidates.isEmpty else {
            throw .unknownKey(kid)
        }
        return candidates
    }

    /// The algorithm of a JWK without `alg`.
    private static func defaultAlgorithm(of jwk: JWK) -> String? {
        switch (jwk.keyType.rawValue, jwk.curve?.rawValue) {
        case ("RSA", _): "RS256"
        case ("EC", "P-256"): "ES256"
        case ("EC", "P-384"): "ES384"
        case ("EC", "P-521"): "ES512"
        default: nil
        }
    }
}
