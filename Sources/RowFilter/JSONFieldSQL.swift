/// The SQL expressions that read one top-level field of a `jsonb` column, mirroring
/// ``JSONFieldValue`` and its readings.
struct JSONFieldSQL {
    /// The field as `jsonb`: `(doc->'amount')`.
    let json: String
    /// The field as text (`->>`): `(doc->>'amount')`.
    let text: String

    /// - Parameters:
    ///   - column: the SQL expression of the `jsonb` column, written by the caller's code.
    ///   - key: a column name that passed the filter grammar's name check, so it is safe in a literal.
    init(column: String, key: String) {
        json = "(\(column)->'\(key)')"
        text = "(\(column)->>'\(key)')"
    }

    /// True for objects and arrays, which are unknown to comparisons (`JSONFieldValue.text` is `nil`).
    var isComposite: String { "jsonb_typeof(\(json)) IN ('object', 'array')" }

    /// True for a JSON number or a string of numeric text (`DecimalNumber`), which cast to `numeric` safely.
    var isNumber: String {
        "(jsonb_typeof(\(json)) = 'number' OR (jsonb_typeof(\(json)) = 'string' AND \(text) ~ '\(DecimalNumber.sqlPattern)'))"
    }

    /// True for a string that is an RFC 3339 instant (`RFC3339Instant`), which casts to `timestamptz` safely.
    var isInstant: String {
        "(jsonb_typeof(\(json)) = 'string' AND \(text) ~ '\(RFC3339Instant.sqlPattern)')"
    }
}
