/// An exact decimal number, compared the way PostgreSQL compares `numeric` values.
///
/// Two grammars reach it: JSON numbers as they appear in a row, and *numeric text*
/// (filter values and JSON strings), which is deliberately narrower than what PostgreSQL's
/// `numeric` accepts so that the SQL side can test it with a regular expression and cast
/// it without ever failing: ``sqlPattern`` is the same grammar for PostgreSQL.
struct DecimalNumber: Hashable, Sendable {
    /// Whether the number is below zero (never for zero).
    let isNegative: Bool
    /// The significant digits (0–9) without leading or trailing zeros; empty for zero.
    let digits: [UInt8]
    /// The value is `0.d₁d₂d₃… × 10^exponent`.
    let exponent: Int

    /// The most digits numeric text may have before and after its decimal point.
    static let maximumTextDigits = 255
    /// The most digits the exponent of numeric text may have.
    static let maximumTextExponentDigits = 3

    /// The numeric text grammar as a PostgreSQL regular expression, for `text ~ pattern`.
    static let sqlPattern = "^[+-]?[0-9]{1,255}([.][0-9]{1,255})?([eE][+-]?[0-9]{1,3})?$"

    /// Parses numeric text: `[+-]?digits(.digits)?([eE][+-]?digits)?` with at most 255
    /// digits on each side of the point and at most 3 exponent digits.
    /// - Parameter text: the UTF-8 bytes of a filter value or a JSON string.
    init?(numericText text: some Collection<UInt8>) {
        // Sign, digits, point, exponent: anything longer is not numeric text, so skip copying it.
        guard text.count <= 2 * Self.maximumTextDigits + Self.maximumTextExponentDigits + 4 else { return nil }
        self.init(text, allowsPlus: true, maximumDigits: Self.maximumTextDigits,
                  maximumExponentDigits: Self.maximumTextExponentDigits)
    }

    /// Parses a JSON number (`-?digits(.digits)?([eE][+-]?digits)?`) of any length.
    /// - Parameter text: the UTF-8 bytes of the number as written in the JSON text.
    init?(jsonNumber text: some Collection<UInt8>) {
        self.init(text, allowsPlus: false, maximumDigits: .max, maximumExponentDigits: .max)
    }

    private init?(
        _ text: some Collection<UInt8>, allowsPlus: Bool, maximumDigits: Int, maximumExponentDigits: Int
    ) {
        var cursor = ByteCursor(text)
        let negative = cursor.take(UInt8(ascii: "-"))
        if !negative, allowsPlus { _ = cursor.take(UInt8(ascii: "+")) }
        var all: [UInt8] = []
        let integerCount = cursor.takeDigits(into: &all)
        guard (1...maximumDigits).contains(integerCount) else { return nil }
        if cursor.take(UInt8(ascii: ".")) {
            guard (1...maximumDigits).contains(cursor.takeDigits(into: &all)) else { return nil }
        }
        var exponent = 0
        if cursor.take(UInt8(ascii: "e")) || cursor.take(UInt8(ascii: "E")) {
            let exponentNegative = cursor.take(UInt8(ascii: "-"))
            if !exponentNegative { _ = cursor.take(UInt8(ascii: "+")) }
            var exponentDigits: [UInt8] = []
            let count = cursor.takeDigits(into: &exponentDigits)
            guard (1...maximumExponentDigits).contains(count) else { return nil }
            // Saturate far beyond any realistic magnitude instead of overflowing.
            exponent = exponentDigits.reduce(0) { min($0 * 10 + Int($1), 1_000_000_000) }
            if exponentNegative { exponent = -exponent }
        }
        guard cursor.isAtEnd else { return nil }
        var digits = all
        let leadingZeros = digits.prefix { $0 == 0 }.count
        digits.removeFirst(leadingZeros)
        while digits.last == 0 { digits.removeLast() }
        self.digits = digits
        self.isNegative = negative && !digits.isEmpty
        self.exponent = digits.isEmpty ? 0 : integerCount - leadingZeros + exponent
    }
}

extension DecimalNumber: Comparable {
    static func < (lhs: DecimalNumber, rhs: DecimalNumber) -> Bool {
        if lhs.isNegative != rhs.isNegative { return lhs.isNegative }
        return lhs.isNegative ? rhs.magnitudeIsBelow(lhs) : lhs.magnitudeIsBelow(rhs)
    }

    /// Whether `|self| < |other|`.
    private func magnitudeIsBelow(_ other: DecimalNumber) -> Bool {
        if digits.isEmpty || other.digits.isEmpty { return digits.isEmpty && !other.digits.isEmpty }
        if exponent != other.exponent { return exponent < other.exponent }
        return digits.lexicographicallyPrecedes(other.digits)
    }
}
