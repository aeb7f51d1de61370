import Foundation

/// One column value of a result row, mapped from the column's PostgreSQL type.
///
/// Results come from the server in text format; the libpq layer maps each column by
/// its type (`PQftype`): integers to ``int(_:)``, `real`/`double precision` to
/// ``double(_:)``, `numeric` to ``numeric(_:)`` (kept as exact decimal text),
/// `json`/`jsonb` to ``json(_:)`` (the JSON text), `bytea` to ``bytes(_:)``,
/// timestamps to ``timestamp(_:)``, and every other type to ``text(_:)``.
public enum PostgresValue: Sendable, Hashable {
    /// SQL `NULL`.
    case null
    /// `boolean`.
    case bool(Bool)
    /// `smallint`, `integer`, `bigint`, `oid`, `xid8` (within range).
    case int(Int64)
    /// `real`, `double precision`.
    case double(Double)
    /// `numeric`, as exact decimal text (for example `"12.50"`, `"NaN"`).
    case numeric(String)
    /// Text and every type without a dedicated case.
    case text(String)
    /// `json` or `jsonb`, as JSON text.
    case json(String)
    /// `bytea`.
    case bytes([UInt8])
    /// `timestamp with time zone`, or `timestamp` read as UTC.
    case timestamp(Date)

    /// Whether the value is SQL `NULL`.
    public var isNull: Bool { self == .null }
}

extension PostgresValue {
    /// Maps a column's text-format bytes to a value by the column's type.
    ///
    /// A value whose text does not parse as its type (which the server never sends)
    /// and special values without a Swift equivalent (`infinity` timestamps, integers
    /// beyond 64 bits) are kept as ``text(_:)``.
    /// - Parameters:
    ///   - text: the value in PostgreSQL's text output format.
    ///   - type: the column's type oid.
    init(text: String, type: PostgresTypeOID) {
        switch type {
        case .bool:
            self = .bool(text == "t")
        case .int2, .int4, .int8, .oid, .xid8:
            self = Int64(text).map(PostgresValue.int) ?? .numeric(text)
        case .float4, .float8:
            self = Double(text).map(PostgresValue.double) ?? .text(text)
        case .numeric:
            self = .numeric(text)
        case .json, .jsonb:
            self = .json(text)
        case .bytea:
            self = PostgresByteaText.decode(text).map(PostgresValue.bytes) ?? .text(text)
        case .timestamptz, .timestamp:
            self = PostgresTimestampText.parse(text).map(PostgresValue.timestamp) ?? .text(text)
        default:
            self = .text(text)
        }
    }
}
