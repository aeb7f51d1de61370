import CLibPQ

/// Whether a streaming consumer wants more rows.
public enum PostgresStreamControl: Sendable {
    /// Deliver the next batch.
    case next
    /// Stop: the running statement is cancelled and its remaining rows discarded.
    case stop
}

extension PGConnection {
    /// Runs a statement in single-row mode and hands its rows to `onBatch` in batches,
    /// so a result of any size is never held in memory at once.
    ///
    /// ```swift
    /// try connection.stream("SELECT * FROM pglive.events", batchSize: 500) { rows in
    ///     try write(rows)
    ///     return .next
    /// }
    /// ```
    /// - Parameters:
    ///   - sql: one SQL statement.
    ///   - parameters: the values of `$1`, `$2`, ….
    ///   - batchSize: the most rows per call of `onBatch`.
    ///   - onBatch: receives each batch; returning ``PostgresStreamControl/stop`` or throwing
    ///     cancels the statement.
    /// - Returns: the number of rows delivered.
    @discardableResult
    public func stream(
        _ sql: String, _ parameters: [any PostgresBindable] = [], batchSize: Int = 500,
        _ onBatch: ([PostgresRow]) throws -> PostgresStreamControl
    ) throws -> Int {
        let batchSize = max(1, batchSize)
        var columns: PostgresColumns?
        var batch: [PostgresRow] = []
        batch.reserveCapacity(batchSize)
        var delivered = 0
        func flush() throws -> PostgresStreamControl {
            guard !batch.isEmpty else { return .next }
            delivered += batch.count
            defer { batch.removeAll(keepingCapacity: true) }
            return try onBatch(batch)
        }
        try forEachSingleRow(sql, parameters) { result in
            let known = columns ?? PGResultReader.columns(of: result)
            columns = known
            batch.append(contentsOf: PGResultReader.rows(of: result, columns: known))
            return batch.count >= batchSize ? try flush() : .next
        } finished: {
            try flush()
        }
        return delivered
    }

    /// Runs a statement in single-row mode and lets `encode` write each row's bytes
    /// straight from libpq's buffer into a chunk, handed to `onChunk` whenever it holds
    /// `chunkSize` bytes: the fast path for exports, with no per-value allocation.
    ///
    /// ```swift
    /// try connection.streamChunks("SELECT line FROM exports", chunkSize: 64 << 10) { row, chunk in
    ///     row.append(column: 0, to: &chunk)
    ///     chunk.append(UInt8(ascii: "\n"))
    /// } onChunk: { chunk in
    ///     try send(chunk)
    ///     return .next
    /// }
    /// ```
    /// - Parameters:
    ///   - sql: one SQL statement.
    ///   - parameters: the values of `$1`, `$2`, ….
    ///   - chunkSize: the size at which a chunk is handed over (the last one may be smaller).
    ///   - encode: appends one row to the chunk; the row is valid only during the call.
    ///   - onChunk: receives each chunk; returning ``PostgresStreamControl/stop`` or throwing
    ///     cancels the statement.
    /// - Returns: the number of rows encoded.
    @discardableResult
    public func streamChunks(
        _ sql: String, _ parameters: [any PostgresBindable] = [], chunkSize: Int = 64 << 10,
        encode: (PostgresRawRow, inout [UInt8]) throws -> Void,
        onChunk: ([UInt8]) throws -> PostgresStreamControl
    ) throws -> Int {
        var chunk: [UInt8] = []
        chunk.reserveCapacity(chunkSize + 4096)
        var rows = 0
        func flush() throws -> PostgresStreamControl {
            guard !chunk.isEmpty else { return .next }
            defer { chunk.removeAll(keepingCapacity: true) }
            return try onChunk(chunk)
        }
        try forEachSingleRow(sql, parameters) { result in
            try encode(PostgresRawRow(result: result), &chunk)
            rows += 1
            return chunk.count >= chunkSize ? try flush() : .next
        } finished: {
            try flush()
        }
        return rows
    }

    /// Sends a statement, switches to single-row mode and hands every row's result to
    /// `onRow`, then calls `finished` once the statement completed. Stopping or throwing
    /// in either cancels the statement; its remaining results are always drained.
    private func forEachSingleRow(
        _ sql: String, _ parameters: [any PostgresBindable],
        onRow: (OpaquePointer) throws -> PostgresStreamControl,
        finished: () throws -> PostgresStreamControl
    ) throws {
        let sent = PGParameterArrays.with(parameters.map(\.postgresBinding)) { arrays in
            PQsendQueryParams(handle, sql, arrays.count, arrays.types, arrays.values, arrays.lengths, arrays.formats, 0)
        }
        guard sent == 1 else {
            throw PostgresError(.connection, message: Self.errorMessage(of: handle), statement: sql)
        }
        PQsetSingleRowMode(handle)
        defer { drainResults() }
        while let result = PQgetResult(handle) {
            defer { PQclear(result) }
            switch PQresultStatus(result) {
            case PGRES_SINGLE_TUPLE:
                if try cancelling({ try onRow(result) }) == .stop { return }
            case PGRES_TUPLES_OK, PGRES_COMMAND_OK:
                continue
            default:
                throw PGResultError.error(of: result, connection: handle, statement: sql)
            }
        }
        // The statement is over: nothing left to cancel (a late cancel could hit the next one).
        _ = try finished()
    }

    /// Runs a consumer step; cancels the running statement when it stops or throws.
    private func cancelling(_ step: () throws -> PostgresStreamControl) throws -> PostgresStreamControl {
        do {
            let control = try step()
            if control == .stop { makeCanceller().cancel() }
            return control
        } catch {
            makeCanceller().cancel()
            throw error
        }
    }

    /// Reads and discards what is left of the current statement's results.
    private func drainResults() {
        while let result = PQgetResult(handle) { PQclear(result) }
    }
}
