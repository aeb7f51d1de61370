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
        let sent = PGParameterArrays.with(parameters.map(\.postgresBinding)) { arrays in
            PQsendQueryParams(handle, sql, arrays.count, arrays.types, arrays.values, arrays.lengths, arrays.formats, 0)
        }
        guard sent == 1 else {
            throw PostgresError(.connection, message: Self.errorMessage(of: handle), statement: sql)
        }
        PQsetSingleRowMode(handle)
        var reader = SingleRowReader(statement: sql, batchSize: batchSize)
        defer { drainResults() }
        while let result = PQgetResult(handle) {
            defer { PQclear(result) }
            guard let batch = try reader.take(result, connection: handle) else { continue }
            if try deliver(batch, to: onBatch) == .stop { return reader.delivered }
        }
        if let rest = reader.remainder() { _ = try deliver(rest, to: onBatch) }
        return reader.delivered
    }

    /// Hands a batch to the consumer; cancels the statement when it stops or throws.
    private func deliver(
        _ batch: [PostgresRow], to onBatch: ([PostgresRow]) throws -> PostgresStreamControl
    ) throws -> PostgresStreamControl {
        do {
            let control = try onBatch(batch)
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

/// Collects single-row results into batches.
private struct SingleRowReader {
    let statement: String
    let batchSize: Int
    private var columns: PostgresColumns?
    private var batch: [PostgresRow] = []
    private(set) var delivered = 0

    init(statement: String, batchSize: Int) {
        self.statement = statement
        self.batchSize = max(1, batchSize)
        batch.reserveCapacity(self.batchSize)
    }

    /// Adds one result; returns a full batch when one is ready.
    mutating func take(_ result: OpaquePointer, connection: OpaquePointer) throws -> [PostgresRow]? {
        switch PQresultStatus(result) {
        case PGRES_SINGLE_TUPLE:
            let columns = self.columns ?? PGResultReader.columns(of: result)
            self.columns = columns
            batch.append(contentsOf: PGResultReader.rows(of: result, columns: columns))
            return batch.count >= batchSize ? remainder() : nil
        case PGRES_TUPLES_OK, PGRES_COMMAND_OK:
            return nil
        default:
            throw PGResultError.error(of: result, connection: connection, statement: statement)
        }
    }

    /// The rows collected but not yet delivered, if any.
    mutating func remainder() -> [PostgresRow]? {
        guard !batch.isEmpty else { return nil }
        defer {
            delivered += batch.count
            batch.removeAll(keepingCapacity: true)
        }
        return batch
    }
}
