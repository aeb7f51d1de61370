/// A topic as the history API describes and queries it: from `pglive.topics` and, for a
/// table topic, the source table's columns.
public struct CatalogTopic: Sendable, Equatable {
    /// A column of a table topic's source table.
    public struct Column: Sendable, Equatable, Codable {
        /// The column's name.
        public let name: String
        /// Its SQL type as `format_type` writes it, e.g. `numeric(10,2)`.
        public let type: String
        /// Whether it is `NOT NULL`.
        public let notNull: Bool
        /// Whether some index of the table starts with it, so ordering by it is cheap.
        public let leadsIndex: Bool

        enum CodingKeys: String, CodingKey {
            case name, type
            case notNull = "not_null"
            case leadsIndex = "leads_index"
        }
    }

    /// Whether the topic's events are a table's row changes or application events.
    public enum Kind: String, Sendable {
        /// Row changes of a published table.
        case table
        /// Events published with `pglive.publish` or STOMP `SEND`.
        case app
    }

    /// The topic name.
    public let name: String
    /// The kind.
    public let kind: Kind
    /// The source table as a qualified, quoted-where-needed name (`regclass` text), for table topics.
    public let sourceTable: String?
    /// The source table's columns in table order; empty for application topics.
    public let columns: [Column]
    /// The columns that identify a row (the primary key), in key order.
    public let keyColumns: [String]

    /// The column of this name, if the table has it.
    /// - Parameter name: a column name.
    public func column(named name: String) -> Column? {
        columns.first { $0.name == name }
    }
}
