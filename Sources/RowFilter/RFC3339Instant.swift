/// An instant written as an RFC 3339 timestamp with an explicit offset, in microseconds.
///
/// The accepted form is the one PostgreSQL's `to_jsonb` writes for `timestamptz`
/// (`2026-11-26T17:21:59.123456+00:00`), narrowed so that every accepted text is a valid
/// `timestamptz` with the same instant: years 0001–9999, real calendar days, hours
/// 00–23, seconds 00–59 (no leap second), at most 6 fraction digits (PostgreSQL keeps
/// microseconds), `Z` or an offset up to ±15:59. ``sqlPattern`` is the same grammar
/// for PostgreSQL. A timestamp without offset is not an instant: it compares as text.
struct RFC3339Instant: Hashable, Comparable, Sendable {
    /// Microseconds since 1970-01-01T00:00:00Z.
    let microseconds: Int64

    /// The grammar as a PostgreSQL regular expression, for `text ~ pattern`.
    static let sqlPattern =
        "^(?!0000)([0-9]{4}-(0[13578]|1[02])-(0[1-9]|[12][0-9]|3[01])"
        + "|[0-9]{4}-(0[469]|11)-(0[1-9]|[12][0-9]|30)"
        + "|[0-9]{4}-02-(0[1-9]|1[0-9]|2[0-8])"
        + "|([0-9]{2}(0[48]|[2468][048]|[13579][26])|([02468][048]|[13579][26])00)-02-29)"
        + "T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]([.][0-9]{1,6})?(Z|[+-](0[0-9]|1[0-5]):[0-5][0-9])$"

    /// Parses `YYYY-MM-DDTHH:MM:SS[.ffffff](Z|±HH:MM)`.
    /// - Parameter text: the UTF-8 bytes of a filter value or a JSON string.
    init?(_ text: some Collection<UInt8>) {
        // `YYYY-MM-DDTHH:MM:SS.ffffff+HH:MM` is the longest form; skip copying longer texts.
        guard text.count <= 32 else { return nil }
        var cursor = ByteCursor(text)
        guard let year = cursor.takeNumber(digits: 4), cursor.take(UInt8(ascii: "-")),
            let month = cursor.takeNumber(digits: 2), cursor.take(UInt8(ascii: "-")),
            let day = cursor.takeNumber(digits: 2), cursor.take(UInt8(ascii: "T")),
            let hour = cursor.takeNumber(digits: 2), cursor.take(UInt8(ascii: ":")),
            let minute = cursor.takeNumber(digits: 2), cursor.take(UInt8(ascii: ":")),
            let second = cursor.takeNumber(digits: 2),
            (1...9999).contains(year), (1...12).contains(month),
            (1...Self.daysIn(month: month, year: year)).contains(day),
            hour < 24, minute < 60, second < 60
        else { return nil }

        var fraction = 0
        if cursor.take(UInt8(ascii: ".")) {
            var digits: [UInt8] = []
            guard (1...6).contains(cursor.takeDigits(into: &digits)) else { return nil }
            fraction = (digits + repeatElement(0, count: 6 - digits.count)).reduce(0) { $0 * 10 + Int($1) }
        }

        var offsetMinutes = 0
        if !cursor.take(UInt8(ascii: "Z")) {
            let sign = cursor.take(UInt8(ascii: "-")) ? -1 : cursor.take(UInt8(ascii: "+")) ? 1 : 0
            guard sign != 0, let offsetHour = cursor.takeNumber(digits: 2), cursor.take(UInt8(ascii: ":")),
                let offsetMinute = cursor.takeNumber(digits: 2), offsetHour <= 15, offsetMinute < 60
            else { return nil }
            offsetMinutes = sign * (offsetHour * 60 + offsetMinute)
        }
        guard cursor.isAtEnd else { return nil }

        let days = Self.daysSinceEpoch(year: year, month: month, day: day)
        let seconds = ((days * 24 + hour) * 60 + minute - offsetMinutes) * 60 + second
        self.microseconds = Int64(seconds) * 1_000_000 + Int64(fraction)
    }

    static func < (lhs: RFC3339Instant, rhs: RFC3339Instant) -> Bool {
        lhs.microseconds < rhs.microseconds
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days from 1970-01-01 in the proleptic Gregorian calendar (Howard Hinnant's algorithm).
    private static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = shiftedYear / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
