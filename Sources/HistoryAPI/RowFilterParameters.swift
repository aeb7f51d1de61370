import RowFilter

/// Parses a request's row filter conditions with the grammar STOMP selectors use, and
/// checks them against the topic's columns.
enum RowFilterParameters {
    /// The filter of a request.
    /// - Parameters:
    ///   - conditions: `(column, operator.value)` pairs.
    ///   - topic: the topic.
    /// - Throws: ``HistoryError/Code/invalidFilter`` for bad grammar or a filter on an
    ///   application topic, ``HistoryError/Code/unknownColumn`` for a column the table lacks.
    static func filter(_ conditions: [(String, String)], topic: CatalogTopic) throws(HistoryError) -> RowPredicate {
        let filter: RowPredicate
        do {
            filter = try RowFilter.parse(parameters: conditions)
        } catch {
            throw HistoryError(.invalidFilter, error.description, detail: error.code)
        }
        guard !filter.conditions.isEmpty else { return filter }
        guard topic.kind == .table else {
            throw HistoryError(
                .invalidFilter, "row filters apply to table topics; \(topic.name) is an application topic",
                detail: "unknown parameter \(filter.conditions[0].column)")
        }
        for condition in filter.conditions where topic.column(named: condition.column) == nil {
            throw HistoryError(
                .unknownColumn, "topic \(topic.name) has no column \(condition.column)",
                detail: "columns: \(topic.columns.map(\.name).joined(separator: ", "))")
        }
        return filter
    }
}
