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
        var bytes = text.makeIterator()
        func number(_ count: Int) -> Int? {
            var value = 0
            for _ in 0..<count {
                guard let byte = bytes.next(), byte &- UInt8(ascii: "0") < 10 else { return nil }
                value = value * 10 + Int(byte &- UInt8(ascii: "0"))
            }
            return value
        }
        func expect(_ ascii: Unicode.Scalar) -> Bool { bytes.next() == UInt8(ascii: ascii) }

        guard let year = number(4), expect("-"), let month = number(2), expect("-"), let day = number(2),
            expect("T"), let hour = number(2), expect(":"), let minute = number(2), expect(":"),
            let second = number(2),
            (1...9999).contains(year), (1...12).contains(month),
            (1...Self.daysIn(month: month, year: year)).contains(day),
            hour < 24, minute < 60, second < 60
        else { return nil }

        var fraction = 0, fractionDigits = 0
        var next = bytes.next()
        if next == UInt8(ascii: ".") {
            next = bytes.next()
            while let byte = next, byte &- UInt8(ascii: "0") < 10 {
                guard fractionDigits < 6 else { return nil }
                fraction = fraction * 10 + Int(byte &- UInt8(ascii: "0"))
                fractionDigits += 1
                next = bytes.next()
            }
            guard fractionDigits > 0 else { return nil }
        }
        for _ in fractionDigits..<6 { fraction *= 10 }

        var offsetMinutes = 0
        switch next {
        case UInt8(ascii: "Z"):
            break
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            guard let offsetHour = number(2), expect(":"), let offsetMinute = number(2),
                offsetHour <= 15, offsetMinute < 60
            else { return nil }
            offsetMinutes = (offsetHour * 60 + offsetMinute) * (next == UInt8(ascii: "-") ? -1 : 1)
        default:
            return nil
        }
        guard bytes.next() == nil else { return nil }

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
