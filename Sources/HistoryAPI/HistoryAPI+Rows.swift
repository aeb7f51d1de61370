import Authorization
import ChangeFeed
import HTTPTypes
import Hummingbird
import PostgresLibPQ

extension HistoryAPI {
    /// `GET /api/v1/topics/{topic}/rows`: the table's current rows the principal may read
    /// and, in the same snapshot, the log position to continue from live (`Stream-Position`).
    func rows(_ request: Request, topic name: String, principal: Principal) async throws(HistoryError) -> Response {
        let restriction = try Self.readAccess(principal, topic: name)
        let (pairs, format, parameters) = try Self.parse(
            request, controlNames: RowsQuery.controlNames, scope: Self.scope("rows", topic: name, restriction: restriction))
        let query = try RowsQuery(
            parameters, topic: try await topic(named: name), restriction: restriction, format: format,
            configuration: configuration, key: key)
        let keyCount = query.sortColumns.count
        switch format {
        case .json:
            let (sql, bindings) = query.sql(selecting: query.documentColumn, extraRow: true)
            let values = bindings.values
            let counting = CountPreference(prefer: request.headers[.prefer])
            let counted = counting.map { (query.unpaged.sql(selecting: "1", extraRow: false), $0) }
            let (head, rows, total) = try await read { connection in
                let head = try EventLog.headPosition(on: connection)
                let rows = try connection.query(sql, values).rows.map { row in
                    ((0..<keyCount).map { (try? row.decode($0, as: String.self)) ?? "" }, try row.decode(keyCount, as: String.self))
                }
                let total = try counted.map { statement, preference in
                    try preference.count(statement.sql, statement.bindings.values, on: connection)
                }
                return (head, rows, total)
            }
            let limit = query.limit ?? rows.count
            let shown = rows.prefix(limit)
            let next = rows.count > limit ? shown.last.map { PageCursor(values: $0.0) } : nil
            var response = PageLink(request: request, pairs: pairs, parameters: parameters, key: key)
                .response(documents: shown.map(\.1), next: next, immutable: false)
            response.headers[HTTPField.Name.streamPosition] = String(head)
            if let total, let counting {
                response.headers.append(contentsOf: counting.headers(total: total, shown: shown.count, firstPage: query.cursor == nil))
            }
            return response
        case .ndjson, .csv:
            let columns = format == .csv ? query.csvColumns : query.documentColumn
            let (sql, bindings) = query.sql(selecting: columns, extraRow: false)
            let values = bindings.values
            let header = query.selected.map(\.name)
            return try await export.response(format: format) { connection, pipe in
                try ExportWriter.run(on: connection) { connection in
                    try pipe.send(.head(try EventLog.headPosition(on: connection)))
                    if format == .csv {
                        try ExportWriter.streamCSV(header: header, sql, values, columns: keyCount..., on: connection, into: pipe)
                    } else {
                        try ExportWriter.streamNDJSON(sql, values, column: keyCount, on: connection, into: pipe)
                    }
                }
            }
        }
    }
}
