import ChangeFeed
import Crypto
import Foundation
import RowFilter

/// A `GET /api/v1/topics/{topic}/events` request, checked against the catalogue, and the
/// SQL that reads it from the log in position order.
struct EventsQuery {
    /// The parameters the endpoint defines; every other parameter is a row filter.
    static let controlNames: Set<String> = ["after", "before", "from-time", "to-time", "op", "order", "limit", "cursor", "format"]
    /// The operations `op` may name.
    static let operationNames = ["INSERT", "UPDATE", "DELETE", "EVENT"]

    let topic: CatalogTopic
    /// Only events after this position.
    var after: Int64?
    /// Only events before this position.
    var before: Int64?
    /// Only events committed at or after this instant.
    var fromTime: Date?
    /// Only events committed before this instant.
    var toTime: Date?
    /// Only these operations, or all.
    var operations: [String]?
    /// Only events whose row matches: the principal's restriction AND the request's filters.
    var filter: RowPredicate
    /// Newest first.
    var descending: Bool
    /// The most events: the page size for JSON, an optional cap for streams.
    var limit: Int?
    /// Whether a cursor moved a bound (the page is not the range's first).
    var continued = false

    /// Parses and checks a request. A cursor replaces the bound it continues from: `after`
    /// in ascending order, `before` in descending order.
    ///
    /// - Parameters:
    ///   - parameters: the request's parameters.
    ///   - topic: the topic, from the catalogue.
    ///   - restriction: the principal's mandatory row filter for the topic, ANDed before the
    ///     request's own filters (which can narrow it, never widen it).
    ///   - format: the response format (JSON pages have a maximum limit, streams none).
    ///   - configuration: the limits.
    ///   - key: the cursor signing key.
    /// - Throws: ``HistoryError`` naming the offending parameter.
    init(
        _ parameters: HistoryParameters, topic: CatalogTopic, restriction: RowPredicate? = nil, format: ResponseFormat,
        configuration: HistoryConfiguration, key: SymmetricKey
    ) throws(HistoryError) {
        self.topic = topic
        after = try parameters.position("after")
        before = try parameters.position("before")
        fromTime = try Self.time(parameters, "from-time")
        toTime = try Self.time(parameters, "to-time")
        operations = try parameters.controls["op"].map { value throws(HistoryError) in try Self.parseOperations(value) }
        descending = try Self.descending(parameters.controls["order"])
        let requested = try RowFilterParameters.filter(parameters.conditions, topic: topic)
        filter = restriction.map { $0.and(requested) } ?? requested
        limit = try parameters.pageLimit(for: format, configuration: configuration)
        if let token = parameters.controls["cursor"] {
            let cursor = try PageCursor(decoding: token, for: parameters.fingerprint, key: key)
            guard cursor.values.count == 1, let position = Int64(cursor.values[0]) else {
                throw HistoryError(.invalidCursor, "cursor is not valid for this query")
            }
            if descending { before = position } else { after = position }
            continued = true
        }
    }

    /// The whole query, as `Prefer: count` counts it: the request's own bounds, no cursor, no limit.
    /// - Parameter parameters: the request's parameters.
    func unpaged(_ parameters: HistoryParameters) throws(HistoryError) -> EventsQuery {
        var query = self
        query.after = try parameters.position("after")
        query.before = try parameters.position("before")
        query.limit = nil
        return query
    }

    /// Whether the range has an end: an open ascending range follows the log as it grows.
    var isClosed: Bool { descending || before != nil || toTime != nil }

    /// The statement: `position` first, then `columns`, in the requested order.
    /// - Parameters:
    ///   - columns: the SELECT list after the position, over `t` (transactions) and `e` (events);
    ///     see ``EventLog/SQL/topicEvents(after:before:)``.
    ///   - extraRow: fetch one event more than ``limit`` (to learn whether another page exists).
    func sql(selecting columns: String, extraRow: Bool) -> (sql: String, bindings: SQLBindings) {
        var bindings = SQLBindings()
        // Bounds go on tt.first_position, the topic index's second column, so the scan
        // starts and stops inside the range, and into each transaction's events (the log
        // tables' keys); a time becomes the first (or last) transaction committed inside
        // it, a bound that the time condition implies.
        var conditions = ["tt.topic = \(bindings.bind(topic.name, as: "text"))"]
        let afterBound = after.map { bindings.bind($0, as: "bigint") }
        let beforeBound = before.map { bindings.bind($0, as: "bigint") }
        if let afterBound {
            conditions.append(EventLog.SQL.scanStart("tt.first_position", atTransactionHolding: afterBound))
        }
        if let beforeBound {
            conditions.append("tt.first_position < \(beforeBound)")
        }
        if let fromTime {
            let bound = bindings.bind(fromTime, as: "timestamptz")
            conditions.append("t.committed_at >= \(bound)")
            conditions.append("tt.first_position >= \(EventLog.SQL.firstTransaction(committedAtOrAfter: bound))")
        }
        if let toTime {
            let bound = bindings.bind(toTime, as: "timestamptz")
            conditions.append("t.committed_at < \(bound)")
            conditions.append("tt.first_position <= \(EventLog.SQL.lastTransaction(committedBefore: bound))")
        }
        if let operations { conditions.append("e.op = ANY(\(bindings.bind("{\(operations.joined(separator: ","))}", as: "text[]")))") }
        if !filter.conditions.isEmpty {
            // Application events have no row: like live delivery, no filter with conditions
            // passes them (`is.null` would, on a SQL NULL).
            conditions.append("e.row_data IS NOT NULL")
            conditions.append(bindings.condition(filter, on: "e.row_data"))
        }
        let direction = descending ? " DESC" : ""
        var sql = """
            SELECT tt.first_position + e.ord AS position, \(columns)
              FROM \(EventLog.SQL.topicEvents(after: afterBound, before: beforeBound))
             WHERE \(conditions.joined(separator: "\n   AND "))
             ORDER BY tt.first_position\(direction), e.ord\(direction)
            """
        if let limit { sql += "\n LIMIT \(bindings.bind(extraRow ? limit + 1 : limit, as: "bigint"))" }
        return (sql, bindings)
    }

    /// The event document (``ResponseFormat/json`` and ``ResponseFormat/ndjson``).
    static let documentColumn =
        "pglive.event_document(t.first_position + e.ord, e.topic, e.op, t.committed_at, e.row_data, e.old_row, e.body, e.content_type, e.headers)"

    /// The CSV columns' names, in order.
    static let csvHeader = ["position", "topic", "op", "committed_at", "row", "old_row", "content_type", "headers", "body", "body_encoding"]
    /// The CSV columns after the position: JSON values as JSON text, a text body as the text itself.
    static let csvColumns = """
        e.topic, e.op, pglive.rfc3339(t.committed_at), e.row_data::text, e.old_row::text, e.content_type, e.headers::text,
        CASE pglive.body_encoding(e.body, e.content_type)
            WHEN 'base64' THEN translate(encode(e.body, 'base64'), E'\\n', '') ELSE convert_from(e.body, 'UTF8') END,
        pglive.body_encoding(e.body, e.content_type)
        """

    private static func time(_ parameters: HistoryParameters, _ name: String) throws(HistoryError) -> Date? {
        guard let text = parameters.controls[name] else { return nil }
        guard let time = RFC3339Time.parse(text) else {
            throw HistoryError(.invalidParameter, "\(name) must be an RFC 3339 timestamp such as 2026-11-26T20:00:00Z", detail: "\(name)=\(text)")
        }
        return time
    }

    private static func parseOperations(_ value: String) throws(HistoryError) -> [String] {
        let invalid = HistoryError(
            .invalidParameter, "op must be eq.OP or in.(OP,…) with OP among \(operationNames.joined(separator: ", "))",
            detail: "op=\(value)")
        let names: [Substring]
        if value.hasPrefix("eq.") {
            names = [value.dropFirst(3)]
        } else if value.hasPrefix("in.("), value.hasSuffix(")") {
            names = value.dropFirst(4).dropLast().split(separator: ",", omittingEmptySubsequences: false)
        } else {
            throw invalid
        }
        let operations = names.map(String.init)
        guard !operations.isEmpty, operations.allSatisfy(operationNames.contains) else { throw invalid }
        return operations
    }

    private static func descending(_ order: String?) throws(HistoryError) -> Bool {
        switch order {
        case nil, "asc", "position.asc": return false
        case "desc", "position.desc": return true
        case let other?:
            throw HistoryError(.invalidParameter, "order must be asc or desc", detail: "order=\(other)")
        }
    }
}
