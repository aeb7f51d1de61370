/// The object ids of the built-in PostgreSQL types the libpq layer maps to Swift values.
///
/// Any other type is read as text; see ``PostgresValue``.
public struct PostgresTypeOID: RawRepresentable, Hashable, Sendable {
    /// The type's `pg_type.oid`.
    public var rawValue: UInt32

    /// Creates a type id from its `pg_type.oid`.
    /// - Parameter rawValue: the oid.
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    /// Let the server infer the type from the statement (`0`).
    public static let unspecified = PostgresTypeOID(rawValue: 0)
    /// `boolean`
    public static let bool = PostgresTypeOID(rawValue: 16)
    /// `bytea`
    public static let bytea = PostgresTypeOID(rawValue: 17)
    /// `name`
    public static let name = PostgresTypeOID(rawValue: 19)
    /// `bigint`
    public static let int8 = PostgresTypeOID(rawValue: 20)
    /// `smallint`
    public static let int2 = PostgresTypeOID(rawValue: 21)
    /// `integer`
    public static let int4 = PostgresTypeOID(rawValue: 23)
    /// `text`
    public static let text = PostgresTypeOID(rawValue: 25)
    /// `oid`
    public static let oid = PostgresTypeOID(rawValue: 26)
    /// `json`
    public static let json = PostgresTypeOID(rawValue: 114)
    /// `real`
    public static let float4 = PostgresTypeOID(rawValue: 700)
    /// `double precision`
    public static let float8 = PostgresTypeOID(rawValue: 701)
    /// `character(n)`
    public static let bpchar = PostgresTypeOID(rawValue: 1042)
    /// `character varying`
    public static let varchar = PostgresTypeOID(rawValue: 1043)
    /// `timestamp without time zone`
    public static let timestamp = PostgresTypeOID(rawValue: 1114)
    /// `timestamp with time zone`
    public static let timestamptz = PostgresTypeOID(rawValue: 1184)
    /// `numeric`
    public static let numeric = PostgresTypeOID(rawValue: 1700)
    /// `xid8`
    public static let xid8 = PostgresTypeOID(rawValue: 5069)
    /// `jsonb`
    public static let jsonb = PostgresTypeOID(rawValue: 3802)
}
