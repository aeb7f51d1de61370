extension RowPredicate: CustomStringConvertible {
    /// The canonical text of the predicate, for hashing into cursors and for logs.
    ///
    /// It is the filter in query-string form, conditions in the order written:
    /// `column=[not.]operator.value` joined by `&`, with `in` items bare when they can be
    /// and quoted otherwise, and `%` and `&` in values percent-encoded (`%25`, `%26`), so
    /// two different predicates never share a text. Percent-decoding each parameter and
    /// parsing with ``RowFilter/parse(parameters:)`` gives the predicate back.
    public var description: String {
        conditions.map(\.description).joined(separator: "&")
    }
}
