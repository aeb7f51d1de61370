import Foundation

/// RFC 3339 timestamps as clients write them in `from-time` (STOMP) and `from-time` /
/// `to-time` (history API): `2026-11-26T20:01:02Z`, with optional fraction and any offset,
/// and `T` and `Z` in either case (RFC 3339 section 5.6).
public enum RFC3339Time {
    /// The instants accepted: years 0001 to 9999 in UTC (proleptic Gregorian, as pglive
    /// writes timestamps for PostgreSQL). RFC 3339 allows year 0000, which PostgreSQL's
    /// `timestamptz` input rejects (22008), so it is refused here, as the client's error.
    /// Foundation reads dates before 1582 in the Julian calendar, so the first days of
    /// year 0001 fall below the bound too.
    static let accepted = Date(timeIntervalSince1970: -62_135_596_800)..<Date(timeIntervalSince1970: 253_402_300_800)

    /// Parses a timestamp.
    /// - Parameter text: the client's value.
    /// - Returns: the instant, or `nil` when the text is not RFC 3339 or outside years 0001–9999.
    public static func parse(_ text: String) -> Date? {
        // Foundation's parser takes only `T` and `Z`; no other letter is valid in either case.
        let text = text.uppercased()
        let fractional = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
        guard let date = (try? fractional.parse(text)) ?? (try? Date.ISO8601FormatStyle().parse(text)),
              accepted.contains(date)
        else { return nil }
        return date
    }
}
