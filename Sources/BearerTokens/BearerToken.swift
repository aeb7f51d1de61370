import Foundation

/// Recognises where a token was given: an `Authorization: Bearer …` value, or a STOMP
/// `passcode` shaped like a JWT.
public enum BearerToken {
    /// The token of an `Authorization` value with the `Bearer` scheme (any case), or `nil`
    /// for other schemes.
    ///
    /// ```swift
    /// BearerToken.fromAuthorization("Bearer eyJ…") // "eyJ…"
    /// ```
    ///
    /// - Parameters:
    ///   - value: The header's value.
    public static func fromAuthorization(_ value: String) -> String? {
        let parts = value.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else {
            return nil
        }
        let token = parts[1].trimmingCharacters(in: .whitespaces)
        return token.isEmpty ? nil : token
    }

    /// Whether a text has the shape of a compact JWS: three dot-separated base64url parts,
    /// the first a JSON object (`eyJ…`). Static passwords of this shape are taken as tokens
    /// when tokens are configured.
    ///
    /// - Parameters:
    ///   - text: A `passcode` or a query value.
    public static func looksLikeToken(_ text: String) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].hasPrefix("eyJ"), !parts[1].isEmpty else {
            return false
        }
        return parts.allSatisfy { part in part.utf8.allSatisfy(Self.isBase64URLByte) }
    }

    private static func isBase64URLByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "_"):
            true
        default:
            false
        }
    }
}
