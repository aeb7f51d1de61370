/// The row filter grammar shared by the STOMP `selector` header and the REST query
/// parameters: conditions `column=[not.]operator.value`, all of which must hold.
///
/// Operators (the PostgREST subset): `eq neq gt gte lt lte` with a value, `in.(a,b,"c,d")`,
/// `is.null|true|false`, `like.pattern` (`*` or `%` for any run, `_` for one character).
/// `not.` before any operator negates it. Columns are top-level fields of the row's JSON
/// object, named `[A-Za-z_][A-Za-z0-9_]*`.
///
/// Both entry points run the same condition parser; they differ only in how conditions
/// are delimited.
///
/// ```swift
/// let live = try RowFilter.parse(selector: "status=eq.open&amount=gt.100")
/// let rest = try RowFilter.parse(parameters: [("status", "eq.open"), ("amount", "gt.100")])
/// assert(live == rest)
/// ```
public enum RowFilter {
    /// The most conditions one filter may have.
    public static let maximumConditions = 32
    /// The most UTF-8 bytes of one condition's value (after the operator), `in` lists included.
    public static let maximumValueLength = 4096
    /// The most UTF-8 bytes of a column name.
    public static let maximumColumnLength = 63

    /// Parses a STOMP `selector` header: conditions joined by `&`, taken literally (no
    /// percent-decoding, so `%` is an ordinary character and a value cannot contain `&`).
    ///
    /// An empty selector has no conditions and matches every row.
    /// - Parameter selector: the header's value, for example `status=eq.open&amount=gt.100`.
    /// - Returns: the predicate.
    /// - Throws: ``RowFilterError`` naming the first invalid condition.
    public static func parse(selector: String) throws(RowFilterError) -> RowPredicate {
        guard !selector.isEmpty else { return RowPredicate([]) }
        // Unicode scalars, not characters: a combining mark after '&' or '=' must not hide it.
        let conditions = selector.unicodeScalars.split(separator: "&", omittingEmptySubsequences: false)
        try checkCount(conditions.count)
        return RowPredicate(try conditions.enumerated().map { (offset, condition) throws(RowFilterError) in
            guard let equals = condition.firstIndex(of: "=") else {
                throw RowFilterError(
                    condition.isEmpty ? .emptyCondition : .missingOperator,
                    conditionIndex: offset + 1, condition: String(Substring(condition)))
            }
            return try RowCondition(
                column: condition[..<equals], expression: condition[condition.index(after: equals)...],
                index: offset + 1)
        })
    }

    /// Parses REST query parameters, already percent-decoded, one condition each.
    ///
    /// The caller removes the parameters that are not filters (`after`, `before`,
    /// `from-time`, `to-time`, `op`, `order`, `limit`, `cursor`, `select`) first; here
    /// every parameter is a condition on the column it names. No parameters match every row.
    /// - Parameter parameters: `(name, value)` pairs in query order, for example `("amount", "gt.100")`.
    /// - Returns: the predicate.
    /// - Throws: ``RowFilterError`` naming the first invalid condition.
    public static func parse(parameters: [(String, String)]) throws(RowFilterError) -> RowPredicate {
        try checkCount(parameters.count)
        return RowPredicate(try parameters.enumerated().map { (offset, parameter) throws(RowFilterError) in
            try RowCondition(
                column: Substring(parameter.0).unicodeScalars, expression: Substring(parameter.1).unicodeScalars,
                index: offset + 1)
        })
    }

    private static func checkCount(_ count: Int) throws(RowFilterError) {
        guard count <= maximumConditions else {
            throw RowFilterError(.tooManyConditions(count: count, limit: maximumConditions))
        }
    }
}
