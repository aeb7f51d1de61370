import ChangeFeed
import Foundation
import PostgresLibPQ

/// Reads topics from `pglive.topics` and the system catalogue: the identifiers the history
/// API writes into SQL come only from here, never from a request.
enum TopicCatalogReader {
    /// The columns of a topic's source table as a JSON array, in table order.
    private static let columnsSQL = """
        coalesce((SELECT json_agg(json_build_object(
                    'name', a.attname, 'type', format_type(a.atttypid, a.atttypmod), 'not_null', a.attnotnull,
                    'leads_index', EXISTS (SELECT FROM pg_index i WHERE i.indrelid = a.attrelid AND i.indkey[0] = a.attnum))
                  ORDER BY a.attnum)
             FROM pg_attribute a
            WHERE a.attrelid = tp.source_table AND a.attnum > 0 AND NOT a.attisdropped), '[]')::text
        """

    /// One topic, or `nil` when there is none of that name.
    /// - Parameters:
    ///   - name: the topic's name.
    ///   - connection: a connection to the database.
    static func topic(named name: String, on connection: PGConnection) throws -> CatalogTopic? {
        try connection.query(
            """
            SELECT tp.name, tp.kind, tp.source_table::text AS source_table, array_to_json(tp.key_columns)::text AS key_columns,
                   \(columnsSQL) AS columns
              FROM pglive.topics tp WHERE tp.name = $1
            """, [name]
        ).rows.first.map(CatalogTopic.init(row:))
    }

    /// Every topic's name.
    /// - Parameter connection: a connection to the database.
    static func names(on connection: PGConnection) throws -> [String] {
        try connection.query("SELECT name FROM pglive.topics ORDER BY name").rows.map { try $0.decode("name", as: String.self) }
    }

    /// Every topic (or those named) with its retention and its oldest and newest retained
    /// positions, as the `GET /api/v1/topics` JSON document's `data` array.
    /// - Parameters:
    ///   - connection: a connection to the database.
    ///   - names: only these topics, or `nil` for all.
    static func catalogueJSON(on connection: PGConnection, only names: [String]? = nil) throws -> String {
        // Topic names are [a-z0-9_.-]: quoted as array elements, nothing needs escaping.
        let parameters: [any PostgresBindable] = names.map { ["{" + $0.map { "\"\($0)\"" }.joined(separator: ",") + "}"] } ?? []
        return try connection.query(
            """
            SELECT coalesce(json_agg(json_build_object(
                       'name', tp.name, 'kind', tp.kind, 'source_table', tp.source_table::text,
                       'columns', (SELECT coalesce(json_agg(json_build_object('name', c->>'name', 'type', c->>'type')), '[]')
                                     FROM json_array_elements((\(columnsSQL))::json) c),
                       'key_columns', tp.key_columns, 'keep_old', tp.keep_old,
                       'retention', tp.retention::text, 'retention_seconds', extract(epoch FROM tp.retention)::bigint,
                       'oldest_position', \(EventLog.SQL.oldestPosition(of: "tp.name")),
                       'newest_position', \(EventLog.SQL.newestPosition(of: "tp.name")))
                     ORDER BY tp.name), '[]')::text AS data
              FROM pglive.topics tp
            """ + (names == nil ? "" : "\n WHERE tp.name = ANY($1::text[])"), parameters
        ).rows[0].decode("data", as: String.self)
    }
}

extension CatalogTopic {
    init(row: PostgresRow) throws {
        let kind = try row.decode("kind", as: String.self)
        guard let topicKind = Kind(rawValue: kind) else {
            throw PostgresError(.decoding, message: "unknown topic kind \(kind)")
        }
        let decoder = JSONDecoder()
        self.init(
            name: try row.decode("name", as: String.self),
            kind: topicKind,
            sourceTable: try row.decode("source_table", as: String?.self),
            columns: try decoder.decode([Column].self, from: Data(try row.decode("columns", as: String.self).utf8)),
            keyColumns: try decoder.decode([String].self, from: Data(try row.decode("key_columns", as: String.self).utf8)))
    }
}
