/// A parsed row filter: conditions that must all hold, in the order written.
///
/// The same predicate decides live events (``matches(_:)`` on the row's JSON text) and
/// replayed history (``sql(column:startingAt:)`` over the `jsonb` column), with the same
/// result for every row. The rules, which both sides implement:
///
/// - A field is a top-level member of the row's JSON object. An absent field, JSON
///   `null`, an object or an array is *unknown* to `eq neq gt gte lt lte in like`, so such
///   a condition does not hold, and neither does its `not.` form (SQL's three-valued
///   logic: `NOT NULL` is `NULL`). `is.null` holds for `null` and absent fields; `is.`
///   never yields unknown.
/// - Numeric: a value that is numeric text (`[+-]?d{1,255}(.d{1,255})?([eE][+-]?d{1,3})?`)
///   compares as an exact decimal (`numeric`) with a field that is a JSON number or a
///   JSON string of numeric text: `"12.50"` equals `12.5`.
/// - Instant: a value that is an RFC 3339 timestamp with offset compares as an instant
///   (`timestamptz`) with a field that is a JSON string of the same form, so
///   `2026-11-26T18:21:59+01:00` equals `2026-11-26T17:21:59Z`. See ``FilterValue``.
/// - Text otherwise: the field's text (a string's value, a number as written, `true` or
///   `false`) compares with the value byte by byte (UTF-8, the `"C"` collation): no
///   Unicode normalisation, no case folding. Rows written by PostgreSQL (`to_jsonb`)
///   write numbers as `->>` reads them, so live and SQL texts agree.
/// - `in.(…)` holds when `eq` holds for one of its items (each item typed on its own);
///   `like` matches the field's text (see ``LikePattern``).
///
/// ``description`` is a canonical text of the predicate, for hashing into cursors.
public struct RowPredicate: Hashable, Sendable {
    /// The conditions, all of which must hold.
    public let conditions: [RowCondition]
    /// The distinct columns the conditions read, as UTF-8 keys for the JSON scanner.
    let keys: [[UInt8]]
    /// For each condition, the index of its column in `keys`.
    let keyIndices: [Int]

    /// Creates a predicate from conditions.
    /// - Parameter conditions: the conditions, all of which must hold.
    init(_ conditions: [RowCondition]) {
        var keys: [[UInt8]] = []
        self.keyIndices = conditions.map { condition in
            let key = Array(condition.column.utf8)
            if let index = keys.firstIndex(of: key) { return index }
            keys.append(key)
            return keys.count - 1
        }
        self.conditions = conditions
        self.keys = keys
    }
}
