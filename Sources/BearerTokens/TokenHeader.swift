import Foundation

/// The JOSE header fields that pick the key: `alg` and `kid`, read before any key is
/// touched, so a token is only ever given to a key of the algorithm it names.
struct TokenHeader: Decodable, Sendable {
    /// The signing algorithm, e.g. `HS256`.
    let alg: String
    /// The key id, if any.
    let kid: String?

    /// Reads the header of a compact JWT.
    ///
    /// - Parameters:
    ///   - token: `header.payload.signature`.
    /// - Throws: ``TokenError/malformed`` for anything but three base64url parts with a
    ///   JSON header holding a string `alg`.
    init(token: String) throws(TokenError) {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let data = Self.base64URLDecoded(parts[0]),
              let header = try? JSONDecoder().decode(TokenHeader.self, from: data)
        else {
            throw .malformed
        }
        self = header
    }

    /// Decodes unpadded base64url.
    static func base64URLDecoded(_ text: Substring) -> Data? {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        return Data(base64Encoded: base64)
    }
}
