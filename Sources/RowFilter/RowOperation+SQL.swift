extension RowOperation {
    /// The operation as a SQL boolean expression over `field`, `NULL` where ``evaluate(_:)`` is `nil`.
    /// - Parameters:
    ///   - field: the field's expressions.
    ///   - parameters: where values are bound.
    func sql(_ field: JSONFieldSQL, parameters: inout SQLParameters) -> String {
        switch self {
        case .comparison(let comparison, let value):
            return Self.comparisonSQL(field, comparison, value, parameters: &parameters)
        case .membership(let values):
            guard !values.isEmpty else { return "FALSE" }
            let alternatives = values.map { Self.comparisonSQL(field, .equal, $0, parameters: &parameters) }
            return "(" + alternatives.joined(separator: " OR ") + ")"
        case .identity(.null):
            return "COALESCE(jsonb_typeof(\(field.json)), 'null') = 'null'"
        case .identity(let operand):
            return "COALESCE(\(field.json) = '\(operand.rawValue)'::jsonb, FALSE)"
        case .pattern(let pattern):
            let placeholder = parameters.bind(pattern.sql)
            return "CASE WHEN \(field.isComposite) THEN NULL ELSE \(field.text) COLLATE \"C\" LIKE \(placeholder) END"
        }
    }

    /// `field ⊙ value` by the typing rules of `JSONFieldValue.ordering(against:)`: numeric,
    /// then instant, then text; only the branches the value's own type allows are written.
    private static func comparisonSQL(
        _ field: JSONFieldSQL, _ comparison: ComparisonOperator, _ value: FilterValue, parameters: inout SQLParameters
    ) -> String {
        let placeholder = parameters.bind(value.text)
        var sql = "CASE WHEN \(field.isComposite) THEN NULL"
        if value.number != nil {
            sql += " WHEN \(field.isNumber) THEN \(field.text)::numeric \(comparison.sql) \(placeholder)::numeric"
        }
        if value.instant != nil {
            sql += " WHEN \(field.isInstant) THEN \(field.text)::timestamptz \(comparison.sql) \(placeholder)::timestamptz"
        }
        return sql + " ELSE \(field.text) COLLATE \"C\" \(comparison.sql) \(placeholder) END"
    }
}
