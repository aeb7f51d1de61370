import Authorization
import HTTPTypes
import Hummingbird
import PostgresLibPQ

extension HistoryAPI {
    /// `GET /api/v1/topics/{topic}/events`: a JSON page, or the whole range as NDJSON or CSV,
    /// of the events the principal may read.
    func events(_ request: Request, topic name: String, principal: Principal) async throws(HistoryError) -> Response {
        let restriction = try Self.readAccess(principal, topic: name)
        let (pairs, format, parameters) = try Self.parse(
            request, controlNames: EventsQuery.controlNames, scope: Self.scope("events", topic: name, restriction: restriction))
        let page = PageLink(request: request, pairs: pairs, parameters: parameters, key: key)
        if format == .json, page.isUnchanged(request) {
            return Response(status: .notModified, headers: [.eTag: page.etag])
        }
        let query = try EventsQuery(
            parameters, topic: try await topic(named: name), restriction: restriction, format: format,
            configuration: configuration, key: key)
        switch format {
        case .json:
            var counting: (EventsQuery, CountPreference)?
            if let preference = CountPreference(prefer: request.headers[.prefer]) {
                counting = (try query.unpaged(parameters), preference)
            }
            return try await eventsPage(query, counting: counting, link: page)
        case .ndjson:
            let (sql, bindings) = query.sql(selecting: EventsQuery.documentColumn, extraRow: false)
            let values = bindings.values
            return try await export.response(format: format) { connection, pipe in
                try ExportWriter.run(on: connection) { connection in
                    try ExportWriter.streamNDJSON(sql, values, column: 1, on: connection, into: pipe)
                }
            }
        case .csv:
            let (sql, bindings) = query.sql(selecting: EventsQuery.csvColumns, extraRow: false)
            let values = bindings.values
            return try await export.response(format: format) { connection, pipe in
                try ExportWriter.run(on: connection) { connection in
                    try ExportWriter.streamCSV(header: EventsQuery.csvHeader, sql, values, columns: 0..., on: connection, into: pipe)
                }
            }
        }
    }

    private func eventsPage(
        _ query: EventsQuery, counting: (EventsQuery, CountPreference)?, link: PageLink
    ) async throws(HistoryError) -> Response {
        let (sql, bindings) = query.sql(selecting: EventsQuery.documentColumn, extraRow: true)
        let values = bindings.values
        let counted = counting.map { whole, preference in (whole.sql(selecting: "1", extraRow: false), preference) }
        let (rows, total) = try await read { connection in
            let rows = try connection.query(sql, values).rows.map { row in
                (try row.decode(0, as: Int64.self), try row.decode(1, as: String.self))
            }
            let total = try counted.map { statement, preference in
                try preference.count(statement.sql, statement.bindings.values, on: connection)
            }
            return (rows, total)
        }
        let limit = query.limit ?? rows.count
        let hasMore = rows.count > limit
        let shown = rows.prefix(limit)
        let continuation = shown.last?.0 ?? (query.descending ? query.before : query.after) ?? 0
        let next = hasMore || !query.isClosed ? PageCursor(values: [String(continuation)]) : nil
        // A full page's range is behind later commits, so it never changes, unless a
        // descending page is the newest one.
        let immutable = hasMore && (!query.descending || query.before != nil)
        var response = link.response(documents: shown.map(\.1), next: next, immutable: immutable)
        if let total, let preference = counting?.1 {
            response.headers.append(contentsOf: preference.headers(total: total, shown: shown.count, firstPage: !query.continued))
        }
        return response
    }

    /// The exports of this API.
    var export: Export { Export(pool: pool, slots: streamSlots, stallTimeout: configuration.stalledClientTimeout, logger: logger) }
}
