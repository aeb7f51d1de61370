/// A row filter compiled to a parameterised SQL condition.
///
/// Values are only ever in ``bindings``; the text holds the caller's column expression,
/// column names that passed the `[A-Za-z_][A-Za-z0-9_]*` check, and fixed SQL.
public struct RowFilterSQL: Hashable, Sendable {
    /// A boolean SQL expression for a `WHERE` clause, with parameters `$n`, `$n+1`, ….
    public let sql: String
    /// The parameters' values in order, all of type `text`.
    public let bindings: [String]
}
