/// The name and type of one result column.
public struct PostgresColumn: Sendable, Hashable {
    /// The column name as the statement labels it.
    public var name: String
    /// The column's type oid (`PQftype`).
    public var type: PostgresTypeOID

    /// Creates a column description.
    /// - Parameters:
    ///   - name: the column label.
    ///   - type: the type oid.
    public init(name: String, type: PostgresTypeOID) {
        self.name = name
        self.type = type
    }
}

/// The columns of one result, shared by all of its rows.
public final class PostgresColumns: Sendable {
    /// The columns in result order.
    public let columns: [PostgresColumn]
    private let indexByName: [String: Int]

    /// Creates the shared column list.
    /// - Parameter columns: the columns in result order.
    public init(_ columns: [PostgresColumn]) {
        self.columns = columns
        var index: [String: Int] = [:]
        for (offset, column) in columns.enumerated() where index[column.name] == nil {
            index[column.name] = offset
        }
        indexByName = index
    }

    /// The index of the first column with this name.
    /// - Parameter name: a column label.
    public func index(of name: String) -> Int? { indexByName[name] }
}
