/// A value written in a condition (`100` in `amount=gt.100`), with the typed readings
/// that decide how it compares.
///
/// A value that is numeric text compares numerically with numeric fields, one that is
/// an RFC 3339 instant compares as an instant with instant fields; everything else, and
/// every other pairing, compares as text. See ``RowPredicate`` for the full rules.
public struct FilterValue: Hashable, Sendable {
    /// The value as written.
    public let text: String
    /// The value as a number, if it is numeric text.
    let number: DecimalNumber?
    /// The value as an instant, if it is an RFC 3339 timestamp with an offset.
    let instant: RFC3339Instant?

    /// Reads a value.
    /// - Parameter text: the value as written.
    init(_ text: String) {
        self.text = text
        self.number = DecimalNumber(numericText: text.utf8)
        self.instant = number == nil ? RFC3339Instant(text.utf8) : nil
    }
}

extension FilterValue {
    /// Values are equal when their texts are equal byte for byte (not merely canonically
    /// equivalent, as `String` equality would have it), the way they compare in rows.
    public static func == (lhs: FilterValue, rhs: FilterValue) -> Bool {
        lhs.text.utf8.elementsEqual(rhs.text.utf8)
    }

    /// Hashes the text's bytes.
    /// - Parameter hasher: the hasher.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(text.utf8.count)
        for byte in text.utf8 { hasher.combine(byte) }
    }
}
