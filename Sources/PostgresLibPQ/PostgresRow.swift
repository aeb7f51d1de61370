/// One result row: its values, mapped by column type, and the shared column list.
///
/// ```swift
/// let row = try connection.query("SELECT 1 AS n, 'a' AS s").rows[0]
/// let n = try row.decode("n", as: Int.self)
/// ```
public struct PostgresRow: Sendable {
    /// The columns of the result this row belongs to.
    public let columns: PostgresColumns
    /// The values in column order.
    public let values: [PostgresValue]

    /// Creates a row.
    /// - Parameters:
    ///   - columns: the result's columns.
    ///   - values: the values in column order.
    public init(columns: PostgresColumns, values: [PostgresValue]) {
        self.columns = columns
        self.values = values
    }

    /// The value of the first column with this name, or `nil` if there is no such column.
    public subscript(name: String) -> PostgresValue? {
        columns.index(of: name).map { values[$0] }
    }

    /// Decodes the value of the column at `index`.
    /// - Parameters:
    ///   - index: the 0-based column index.
    ///   - type: the Swift type to decode.
    public func decode<T: PostgresDecodable>(_ index: Int, as type: T.Type = T.self) throws -> T {
        guard values.indices.contains(index) else {
            throw PostgresError(.decoding, message: "no column at index \(index)")
        }
        return try decodeValue(values[index], column: columns.columns[index].name)
    }

    /// Decodes the value of the first column with this name.
    /// - Parameters:
    ///   - name: the column label.
    ///   - type: the Swift type to decode.
    public func decode<T: PostgresDecodable>(_ name: String, as type: T.Type = T.self) throws -> T {
        guard let index = columns.index(of: name) else {
            throw PostgresError(.decoding, message: "no column named \(name)")
        }
        return try decodeValue(values[index], column: name)
    }

    private func decodeValue<T: PostgresDecodable>(_ value: PostgresValue, column: String) throws -> T {
        guard let decoded = T(postgresValue: value) else {
            throw PostgresError(.decoding, message: "column \(column) holds \(value), not \(T.self)")
        }
        return decoded
    }
}

/// The rows of a completed statement and the number of rows it affected.
public struct PostgresQueryResult: Sendable {
    /// The result columns (empty for statements that return no rows).
    public let columns: PostgresColumns
    /// The rows, in the order the server sent them.
    public let rows: [PostgresRow]
    /// The count from the command tag (`INSERT 0 5` → 5), or `nil` where the tag has none.
    public let affectedRows: Int?

    /// Creates a result.
    /// - Parameters:
    ///   - columns: the result columns.
    ///   - rows: the rows.
    ///   - affectedRows: the command tag's row count.
    public init(columns: PostgresColumns, rows: [PostgresRow], affectedRows: Int?) {
        self.columns = columns
        self.rows = rows
        self.affectedRows = affectedRows
    }
}
