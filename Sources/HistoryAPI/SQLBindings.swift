import PostgresLibPQ
import RowFilter

/// Collects a statement's bind values while its SQL text is written: every value from a
/// request reaches PostgreSQL as a parameter, never as SQL text.
struct SQLBindings {
    private(set) var values: [any PostgresBindable] = []

    /// Adds a value and returns its typed placeholder, e.g. `$3::bigint`.
    /// - Parameters:
    ///   - value: the value.
    ///   - type: its SQL type, written by code (from the catalogue for row columns).
    mutating func bind(_ value: any PostgresBindable, as type: String) -> String {
        values.append(value)
        return "$\(values.count)::\(type)"
    }

    /// Compiles a row filter over a `jsonb` expression, numbering its parameters after
    /// the ones bound so far.
    /// - Parameters:
    ///   - filter: the filter.
    ///   - column: the `jsonb` SQL expression, written by code.
    mutating func condition(_ filter: RowPredicate, on column: String) -> String {
        let compiled = filter.sql(column: column, startingAt: values.count + 1)
        values += compiled.bindings
        return compiled.sql
    }
}
