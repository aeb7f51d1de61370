import CLibPQ

extension PGConnection {
    /// Runs one statement with bind parameters and returns all of its rows.
    ///
    /// Values travel as parameters (`$1`, `$2`, …), never as SQL text. For results too
    /// large to hold in memory use ``stream(_:_:batchSize:_:)``.
    /// - Parameters:
    ///   - sql: one SQL statement.
    ///   - parameters: the values of `$1`, `$2`, ….
    /// - Returns: the rows and the affected-row count.
    /// - Throws: ``PostgresError`` with the SQLSTATE, message and position.
    @discardableResult
    public func query(_ sql: String, _ parameters: [any PostgresBindable] = []) throws -> PostgresQueryResult {
        let result = PGParameterArrays.with(parameters.map(\.postgresBinding)) { arrays in
            PQexecParams(handle, sql, arrays.count, arrays.types, arrays.values, arrays.lengths, arrays.formats, 0)
        }
        return try consume(result, statement: sql)
    }

    /// Runs one statement with bind parameters, prepared on this connection the first time
    /// and reused after: the server parses it once and, after a few executions, can keep
    /// one generic plan, instead of parsing and planning it on every call.
    ///
    /// For the few statements a connection runs over and over with different values (the
    /// change feed's read of the log, a `SEND`'s publish); every distinct `sql` stays prepared for the
    /// connection's life, so never pass text that varies with input.
    /// - Parameters:
    ///   - sql: one SQL statement, a constant.
    ///   - parameters: the values of `$1`, `$2`, ….
    /// - Returns: the rows and the affected-row count.
    /// - Throws: ``PostgresError`` with the SQLSTATE, message and position.
    @discardableResult
    public func queryPrepared(_ sql: String, _ parameters: [any PostgresBindable] = []) throws -> PostgresQueryResult {
        let bindings = parameters.map(\.postgresBinding)
        let name: String
        if let known = self.preparedStatements[sql] {
            name = known
        } else {
            name = "pglive_\(self.preparedStatements.count + 1)"
            let types = bindings.map { Oid($0.type.rawValue) }
            let prepared = types.withUnsafeBufferPointer { types in
                PQprepare(handle, name, sql, Int32(bindings.count), types.baseAddress)
            }
            _ = try consume(prepared, statement: sql)
            self.preparedStatements[sql] = name
        }
        let result = PGParameterArrays.with(bindings) { arrays in
            PQexecPrepared(handle, name, arrays.count, arrays.values, arrays.lengths, arrays.formats, 0)
        }
        return try consume(result, statement: sql)
    }

    /// Runs one or more statements separated by semicolons, without parameters.
    ///
    /// Used for migration files' statements and session settings; the statements run
    /// in one implicit transaction unless they contain their own transaction control.
    /// - Parameter sql: the SQL text.
    /// - Returns: the result of the last statement.
    @discardableResult
    public func execute(_ sql: String) throws -> PostgresQueryResult {
        try consume(PQexec(handle, sql), statement: sql)
    }

    /// Runs `body` inside `BEGIN` … `COMMIT`; rolls back and rethrows if it throws.
    ///
    /// ```swift
    /// let head = try connection.transaction(.readOnlySnapshot) { try $0.query("SELECT …") }
    /// ```
    /// - Parameters:
    ///   - mode: the isolation level and access mode; read committed, read write by default.
    ///   - body: the work to do in the transaction.
    public func transaction<T>(_ mode: PostgresTransactionMode = .readWrite, _ body: (PGConnection) throws -> T) throws -> T {
        try execute(mode.beginStatement)
        do {
            let value = try body(self)
            try execute("COMMIT")
            return value
        } catch {
            if isConnected { _ = try? execute("ROLLBACK") }
            throw error
        }
    }

    /// Turns a finished `PGresult` into rows, or its error into a ``PostgresError``, and frees it.
    private func consume(_ result: OpaquePointer?, statement: String) throws -> PostgresQueryResult {
        defer { PQclear(result) }
        switch result.map(PQresultStatus) {
        case PGRES_TUPLES_OK, PGRES_SINGLE_TUPLE:
            let columns = PGResultReader.columns(of: result!)
            return PostgresQueryResult(
                columns: columns, rows: PGResultReader.rows(of: result!, columns: columns),
                affectedRows: PGResultReader.affectedRows(of: result!))
        case PGRES_COMMAND_OK, PGRES_EMPTY_QUERY:
            return PostgresQueryResult(
                columns: PostgresColumns([]), rows: [], affectedRows: PGResultReader.affectedRows(of: result!))
        default:
            throw PGResultError.error(of: result, connection: handle, statement: statement)
        }
    }
}

/// Reads columns and rows out of a successful `PGresult`.
enum PGResultReader {
    static func columns(of result: OpaquePointer) -> PostgresColumns {
        PostgresColumns((0..<PQnfields(result)).map { index in
            PostgresColumn(
                name: String(cString: PQfname(result, index)),
                type: PostgresTypeOID(rawValue: UInt32(PQftype(result, index))))
        })
    }

    static func rows(of result: OpaquePointer, columns: PostgresColumns) -> [PostgresRow] {
        (0..<PQntuples(result)).map { row in
            PostgresRow(columns: columns, values: columns.columns.indices.map { column in
                value(of: result, row: row, column: Int32(column), type: columns.columns[column].type)
            })
        }
    }

    static func affectedRows(of result: OpaquePointer) -> Int? {
        guard let tuples = PQcmdTuples(result) else { return nil }
        return Int(String(cString: tuples))
    }

    private static func value(of result: OpaquePointer, row: Int32, column: Int32, type: PostgresTypeOID) -> PostgresValue {
        if PQgetisnull(result, row, column) != 0 { return .null }
        let length = Int(PQgetlength(result, row, column))
        let text = PQgetvalue(result, row, column).withMemoryRebound(to: UInt8.self, capacity: length) {
            String(decoding: UnsafeBufferPointer(start: $0, count: length), as: UTF8.self)
        }
        return PostgresValue(text: text, type: type)
    }
}

/// The four parallel C arrays `PQexecParams` takes, kept alive for one call.
struct PGParameterArrays {
    let count: Int32
    let types: UnsafePointer<Oid>?
    let values: UnsafePointer<UnsafePointer<CChar>?>?
    let lengths: UnsafePointer<Int32>?
    let formats: UnsafePointer<Int32>?

    static func with<R>(_ bindings: [PostgresBinding], _ body: (PGParameterArrays) -> R) -> R {
        let buffers: [UnsafeMutableBufferPointer<CChar>?] = bindings.map { binding in
            binding.bytes.map { bytes in
                // libpq reads text-format values up to a NUL byte and ignores their lengths.
                let buffer = UnsafeMutableBufferPointer<CChar>.allocate(capacity: bytes.count + 1)
                bytes.withUnsafeBytes { raw in
                    UnsafeMutableRawBufferPointer(buffer).copyMemory(from: raw)
                }
                buffer[bytes.count] = 0
                return buffer
            }
        }
        defer { buffers.forEach { $0?.deallocate() } }
        let types = bindings.map { Oid($0.type.rawValue) }
        let values = buffers.map { $0.map { UnsafePointer($0.baseAddress!) } }
        let lengths = bindings.map { Int32($0.bytes?.count ?? 0) }
        let formats = bindings.map { Int32($0.isBinary ? 1 : 0) }
        return types.withUnsafeBufferPointer { types in
            values.withUnsafeBufferPointer { values in
                lengths.withUnsafeBufferPointer { lengths in
                    formats.withUnsafeBufferPointer { formats in
                        body(PGParameterArrays(
                            count: Int32(bindings.count), types: types.baseAddress, values: values.baseAddress,
                            lengths: lengths.baseAddress, formats: formats.baseAddress))
                    }
                }
            }
        }
    }
}
