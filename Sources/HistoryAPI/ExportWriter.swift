import PostgresLibPQ

/// The database side of an export, on the connection's thread.
enum ExportWriter {
    /// Runs an export in one read-only snapshot without a statement timeout: its length is
    /// bounded by the client's reading (``ChunkPipe``'s stall timeout), not by a clock.
    /// - Parameters:
    ///   - connection: the leased connection.
    ///   - body: the queries.
    static func run(on connection: PGConnection, _ body: (PGConnection) throws -> Void) throws {
        try connection.transaction(.readOnlySnapshot) { connection in
            try connection.execute("SET LOCAL statement_timeout = 0")
            try body(connection)
        }
    }

    /// Streams one text column of a query (a JSON document per row) as NDJSON lines into the pipe.
    /// - Parameters:
    ///   - sql: the statement.
    ///   - values: its parameters.
    ///   - column: the document's column.
    ///   - connection: the connection.
    ///   - pipe: where the chunks go.
    static func streamNDJSON(
        _ sql: String, _ values: [any PostgresBindable], column: Int, on connection: PGConnection, into pipe: ChunkPipe
    ) throws {
        try stream(sql, values, on: connection, into: pipe) { row, chunk in
            row.append(column: column, to: &chunk)
            chunk.append(10)
        }
    }

    /// Streams a header line, then a query's columns as CSV lines, into the pipe.
    /// - Parameters:
    ///   - header: the column names.
    ///   - sql: the statement.
    ///   - values: its parameters.
    ///   - columns: the columns written, from the first (the rest of the row).
    ///   - connection: the connection.
    ///   - pipe: where the chunks go.
    static func streamCSV(
        header: [String], _ sql: String, _ values: [any PostgresBindable], columns: PartialRangeFrom<Int>,
        on connection: PGConnection, into pipe: ChunkPipe
    ) throws {
        var line: [UInt8] = []
        CSVField.appendLine(header, to: &line)
        try pipe.send(.chunk(line))
        try stream(sql, values, on: connection, into: pipe) { row, chunk in
            for column in columns.lowerBound..<row.count {
                if column > columns.lowerBound { chunk.append(44) }
                if row.isNull(column) { continue }
                row.withBytes(column) { CSVField.append($0, to: &chunk) }
            }
            chunk += CSVField.lineEnd
        }
    }

    /// Streams a query's rows, encoded by `encode`, chunk by chunk into the pipe.
    private static func stream(
        _ sql: String, _ values: [any PostgresBindable], on connection: PGConnection, into pipe: ChunkPipe,
        encode: (PostgresRawRow, inout [UInt8]) throws -> Void
    ) throws {
        try connection.streamChunks(sql, values, encode: encode) { chunk in
            try pipe.send(.chunk(chunk))
            return .next
        }
    }
}
