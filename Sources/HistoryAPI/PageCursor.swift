import Crypto
import Foundation

/// The opaque `cursor` of a history page: where the next page starts (the sort key of the
/// last item returned), signed so that it cannot be altered and cannot be used with
/// another query.
///
/// Layout before base64url (no padding): version `1`, value count, each value as a 2-byte
/// big-endian length and its UTF-8 bytes, then the first 16 bytes of
/// HMAC-SHA256(key, query fingerprint ‖ 0 ‖ the bytes before it).
///
/// ```swift
/// let cursor = PageCursor(values: ["1042"])
/// let token = cursor.encoded(for: "events orders limit-free-query", key: key)
/// let again = try PageCursor(decoding: token, for: "events orders limit-free-query", key: key)
/// ```
public struct PageCursor: Sendable, Equatable {
    /// The sort key of the last item returned, as text: a position for events, the
    /// ordering and key columns' values for rows.
    public let values: [String]

    private static let version: UInt8 = 1
    private static let tagLength = 16

    /// Creates a cursor.
    /// - Parameter values: the last item's sort key.
    public init(values: [String]) {
        self.values = values
    }

    /// The signed token.
    /// - Parameters:
    ///   - fingerprint: the query the cursor belongs to (``HistoryQueryFingerprint``).
    ///   - key: the signing key.
    public func encoded(for fingerprint: String, key: SymmetricKey) -> String {
        var bytes: [UInt8] = [Self.version, UInt8(values.count)]
        for value in values {
            let utf8 = Array(value.utf8.prefix(Int(UInt16.max)))
            bytes += [UInt8(utf8.count >> 8), UInt8(utf8.count & 0xFF)] + utf8
        }
        bytes += Self.tag(bytes, fingerprint: fingerprint, key: key)
        return Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// Reads and verifies a token.
    /// - Parameters:
    ///   - token: the client's `cursor` parameter.
    ///   - fingerprint: the query it is used with.
    ///   - key: the signing key.
    /// - Throws: ``HistoryError/Code/invalidCursor`` when it is malformed, altered, or
    ///   belongs to another query.
    public init(decoding token: String, for fingerprint: String, key: SymmetricKey) throws(HistoryError) {
        let invalid = HistoryError(
            .invalidCursor, "cursor is not valid for this query",
            detail: "use the next_cursor of a response to the same query (same topic and parameters)")
        var base64 = token.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        guard token.utf8.count <= 8192, let data = Data(base64Encoded: base64), data.count > Self.tagLength + 2 else {
            throw invalid
        }
        let bytes = Array(data)
        let body = Array(bytes.dropLast(Self.tagLength))
        guard Self.tag(body, fingerprint: fingerprint, key: key) == Array(bytes.suffix(Self.tagLength)),
              body[0] == Self.version
        else { throw invalid }
        var values: [String] = []
        var index = 2
        for _ in 0..<Int(body[1]) {
            guard index + 2 <= body.count else { throw invalid }
            let length = Int(body[index]) << 8 | Int(body[index + 1])
            index += 2
            guard index + length <= body.count else { throw invalid }
            values.append(String(decoding: body[index..<index + length], as: UTF8.self))
            index += length
        }
        guard index == body.count else { throw invalid }
        self.values = values
    }

    private static func tag(_ bytes: [UInt8], fingerprint: String, key: SymmetricKey) -> [UInt8] {
        var hmac = HMAC<SHA256>(key: key)
        hmac.update(data: Array(fingerprint.utf8) + [0] + bytes)
        return Array(hmac.finalize().prefix(tagLength))
    }
}
