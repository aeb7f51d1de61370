import Crypto
import RowFilter

/// A `GET /api/v1/topics/{topic}/rows` request, checked against the catalogue, and the SQL
/// that reads the table's current rows in keyset order.
struct RowsQuery {
    /// The parameters the endpoint defines; every other parameter is a row filter.
    static let controlNames: Set<String> = ["select", "order", "limit", "cursor", "format"]

    let topic: CatalogTopic
    /// The source table (a `regclass` text from the catalogue).
    let table: String
    /// The columns returned, in order.
    let selected: [CatalogTopic.Column]
    /// Only rows that match: the principal's restriction AND the request's filters.
    let filter: RowPredicate
    /// The keyset order: the requested column (if any), then the key columns.
    let sortColumns: [CatalogTopic.Column]
    /// Largest first.
    let descending: Bool
    /// The most rows: the page size for JSON, an optional cap for streams.
    var limit: Int?
    /// The sort key of the last row of the previous page.
    var cursor: PageCursor?

    /// Parses and checks a request.
    ///
    /// - Parameters:
    ///   - parameters: the request's parameters.
    ///   - topic: the topic, from the catalogue.
    ///   - restriction: the principal's mandatory row filter for the topic, ANDed before the
    ///     request's own filters.
    ///   - format: the response format.
    ///   - configuration: the limits.
    ///   - key: the cursor signing key.
    /// - Throws: ``HistoryError`` naming the offending parameter.
    init(
        _ parameters: HistoryParameters, topic: CatalogTopic, restriction: RowPredicate? = nil, format: ResponseFormat,
        configuration: HistoryConfiguration, key: SymmetricKey
    ) throws(HistoryError) {
        guard topic.kind == .table, let table = topic.sourceTable else {
            throw HistoryError(
                .unknownTopic, "topic \(topic.name) is an application topic: it has events but no rows",
                detail: "read /api/v1/topics/\(topic.name)/events")
        }
        self.topic = topic
        self.table = table
        selected = try parameters.controls["select"].map { value throws(HistoryError) in
            try value.split(separator: ",", omittingEmptySubsequences: false).map { name throws(HistoryError) in
                try Self.column(String(name), of: topic, for: "select")
            }
        } ?? topic.columns
        let requested = try RowFilterParameters.filter(parameters.conditions, topic: topic)
        filter = restriction.map { $0.and(requested) } ?? requested
        let keys = try topic.keyColumns.map { name throws(HistoryError) in try Self.column(name, of: topic, for: "key") }
        let (ordering, descending) = try Self.ordering(parameters.controls["order"], topic: topic)
        guard !keys.isEmpty else {
            throw HistoryError(
                .invalidParameter, "table \(table) has no primary key, so its rows cannot be paged in a stable order",
                detail: "add a primary key to the table and publish it again")
        }
        sortColumns = (ordering.map { [$0] } ?? []) + keys.filter { $0.name != ordering?.name }
        self.descending = descending
        limit = try parameters.pageLimit(for: format, configuration: configuration)
        cursor = try parameters.controls["cursor"].map { token throws(HistoryError) in
            try PageCursor(decoding: token, for: parameters.fingerprint, key: key)
        }
        if let cursor, cursor.values.count != sortColumns.count {
            throw HistoryError(.invalidCursor, "cursor is not valid for this query")
        }
    }

    /// The whole query, as `Prefer: count` counts it: no cursor, no limit.
    var unpaged: RowsQuery {
        var query = self
        query.cursor = nil
        query.limit = nil
        return query
    }

    /// The statement: the sort columns as text first (for the next cursor), then `columns`.
    /// - Parameters:
    ///   - columns: the SELECT list after the sort key, over `r` (the table's row).
    ///   - extraRow: fetch one row more than ``limit``.
    func sql(selecting columns: String, extraRow: Bool) -> (sql: String, bindings: SQLBindings) {
        var bindings = SQLBindings()
        var conditions: [String] = []
        if !filter.conditions.isEmpty { conditions.append(bindings.condition(filter, on: "to_jsonb(r)")) }
        let keys = sortColumns.map { "r.\(SQLIdentifier.quoted($0.name))" }
        if let cursor {
            let values = zip(cursor.values, sortColumns).map { value, column in bindings.bind(value, as: column.type) }
            conditions.append("(\(keys.joined(separator: ", "))) \(descending ? "<" : ">") (\(values.joined(separator: ", ")))")
        }
        let direction = descending ? " DESC" : ""
        var sql = """
            SELECT \((keys.map { "\($0)::text" } + [columns]).joined(separator: ", "))
              FROM \(table) AS r
             WHERE \(conditions.isEmpty ? "TRUE" : conditions.joined(separator: "\n   AND "))
             ORDER BY \(keys.map { $0 + direction }.joined(separator: ", "))
            """
        if let limit { sql += "\n LIMIT \(bindings.bind(extraRow ? limit + 1 : limit, as: "bigint"))" }
        return (sql, bindings)
    }

    /// The row as a JSON object of the selected columns, written like the live events'
    /// rows (`to_jsonb`), so snapshot and live rows compare equal.
    var documentColumn: String {
        selected == topic.columns
            ? "to_jsonb(r)::text"
            : "(SELECT to_jsonb(p) FROM (SELECT \(selected.map { "r.\(SQLIdentifier.quoted($0.name))" }.joined(separator: ", "))) AS p)::text"
    }

    /// The selected columns as text, for CSV.
    var csvColumns: String {
        selected.map { "r.\(SQLIdentifier.quoted($0.name))::text" }.joined(separator: ", ")
    }

    private static func column(_ name: String, of topic: CatalogTopic, for use: String) throws(HistoryError) -> CatalogTopic.Column {
        guard let column = topic.column(named: name) else {
            throw HistoryError(
                .unknownColumn, "topic \(topic.name) has no column \(name.isEmpty ? "''" : name) (in \(use))",
                detail: "columns: \(topic.columns.map(\.name).joined(separator: ", "))")
        }
        return column
    }

    private static func ordering(_ order: String?, topic: CatalogTopic) throws(HistoryError) -> (CatalogTopic.Column?, Bool) {
        guard let order else { return (nil, false) }
        let invalid = HistoryError(.invalidParameter, "order must be column.asc or column.desc", detail: "order=\(order)")
        guard let dot = order.lastIndex(of: ".") else { throw invalid }
        let descending: Bool
        switch order[order.index(after: dot)...] {
        case "asc": descending = false
        case "desc": descending = true
        default: throw invalid
        }
        let column = try column(String(order[..<dot]), of: topic, for: "order")
        guard column.leadsIndex, column.notNull else {
            throw HistoryError(
                .invalidParameter, "rows can be ordered only by NOT NULL columns that lead an index",
                detail: "\(column.name) \(column.notNull ? "leads no index" : "is nullable")")
        }
        return (column, descending)
    }
}
