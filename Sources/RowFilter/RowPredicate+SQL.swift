extension RowPredicate {
    /// Compiles the predicate to a parameterised SQL condition over a `jsonb` column, for
    /// replay and history queries; for every row it selects exactly what ``matches(_:)``
    /// accepts.
    ///
    /// Values become bind parameters; column names, already restricted to
    /// `[A-Za-z_][A-Za-z0-9_]*`, are written as literals (`doc->>'status'`) so that
    /// expression indexes apply. Casts are guarded, so no row makes the query fail. An
    /// empty predicate is `TRUE`.
    ///
    /// ```swift
    /// let filter = try RowFilter.parse(selector: "status=eq.open")
    /// let condition = filter.sql(column: "e.row", startingAt: 3)
    /// try connection.query("SELECT … WHERE e.topic = $1 AND e.position > $2 AND \(condition.sql)",
    ///                      ["orders", 42] + condition.bindings)
    /// ```
    /// - Parameters:
    ///   - column: the SQL expression of the `jsonb` column; spliced as is, so it must come from code, never from input.
    ///   - parameterIndex: the number of the first parameter (`$1` unless the query binds others before).
    /// - Returns: the SQL condition and its parameters' values.
    public func sql(column: String, startingAt parameterIndex: Int = 1) -> RowFilterSQL {
        var parameters = SQLParameters(firstIndex: parameterIndex)
        let parts = conditions.map { condition in
            let field = JSONFieldSQL(column: column, key: condition.column)
            let sql = condition.operation.sql(field, parameters: &parameters)
            return condition.isNegated ? "NOT (\(sql))" : "(\(sql))"
        }
        return RowFilterSQL(sql: parts.isEmpty ? "TRUE" : parts.joined(separator: " AND "), bindings: parameters.values)
    }
}
