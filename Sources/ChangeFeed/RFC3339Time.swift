import Foundation

/// RFC 3339 timestamps as clients write them in `from-time` (STOMP) and `from-time` /
/// `to-time` (history API): `2026-11-26T20:01:02Z`, with optional fraction and any offset,
/// and `T` and `Z` in either case (RFC 3339 section 5.6).
public enum RFC3339Time {
    /// Parses a timestamp.
    /// - Parameter text: the client's value.
    /// - Returns: the instant, or `nil` when the text is not RFC 3339.
    public static func parse(_ text: String) -> Date? {
        // Foundation's parser takes only `T` and `Z`; no other letter is valid in either case.
        let text = text.uppercased()
        let fractional = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
        return (try? fractional.parse(text)) ?? (try? Date.ISO8601FormatStyle().parse(text))
    }
}
