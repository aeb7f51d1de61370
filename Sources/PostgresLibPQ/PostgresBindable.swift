import Foundation

/// A Swift value that can be sent as a statement parameter (`$1`, `$2`, …).
///
/// Values always travel as bind parameters, never spliced into SQL text.
///
/// ```swift
/// try connection.query("SELECT * FROM orders WHERE id = $1 AND status = $2", [42, "open"])
/// ```
public protocol PostgresBindable: Sendable {
    /// The parameter as libpq sends it.
    var postgresBinding: PostgresBinding { get }
}

/// One statement parameter: its type, format and bytes (`nil` for SQL `NULL`).
public struct PostgresBinding: Sendable, Equatable {
    /// The parameter type; ``PostgresTypeOID/unspecified`` lets the server infer it.
    public var type: PostgresTypeOID
    /// The value's bytes in `format`, or `nil` for `NULL`.
    public var bytes: [UInt8]?
    /// Whether `bytes` is PostgreSQL's binary format (only used for `bytea`) rather than text.
    public var isBinary: Bool

    /// Creates a parameter.
    /// - Parameters:
    ///   - type: the parameter type.
    ///   - bytes: the value's bytes, or `nil` for `NULL`.
    ///   - isBinary: whether `bytes` is binary format.
    public init(type: PostgresTypeOID, bytes: [UInt8]?, isBinary: Bool = false) {
        self.type = type
        self.bytes = bytes
        self.isBinary = isBinary
    }

    /// A text-format parameter.
    /// - Parameters:
    ///   - text: the value in PostgreSQL's text input format.
    ///   - type: the parameter type.
    public static func text(_ text: String, type: PostgresTypeOID = .unspecified) -> PostgresBinding {
        PostgresBinding(type: type, bytes: Array(text.utf8))
    }

    /// SQL `NULL` of an unspecified type.
    public static let null = PostgresBinding(type: .unspecified, bytes: nil)
}

extension String: PostgresBindable {
    /// Text of unspecified type, so the server can read it as any type (`uuid`, `numeric`, …).
    public var postgresBinding: PostgresBinding { .text(self) }
}

extension Substring: PostgresBindable {
    /// Text of unspecified type.
    public var postgresBinding: PostgresBinding { .text(String(self)) }
}

extension Int: PostgresBindable {
    /// A `bigint`.
    public var postgresBinding: PostgresBinding { .text(String(self), type: .int8) }
}

extension Int64: PostgresBindable {
    /// A `bigint`.
    public var postgresBinding: PostgresBinding { .text(String(self), type: .int8) }
}

extension Int32: PostgresBindable {
    /// An `integer`.
    public var postgresBinding: PostgresBinding { .text(String(self), type: .int4) }
}

extension Bool: PostgresBindable {
    /// A `boolean`.
    public var postgresBinding: PostgresBinding { .text(self ? "t" : "f", type: .bool) }
}

extension Double: PostgresBindable {
    /// A `double precision`; non-finite values as `NaN`, `Infinity`, `-Infinity`.
    public var postgresBinding: PostgresBinding {
        let text = isNaN ? "NaN" : isInfinite ? (self < 0 ? "-Infinity" : "Infinity") : "\(self)"
        return .text(text, type: .float8)
    }
}

extension Date: PostgresBindable {
    /// A `timestamp with time zone` in UTC with microsecond precision.
    public var postgresBinding: PostgresBinding {
        .text(PostgresTimestampText.format(self), type: .timestamptz)
    }
}

extension Array: PostgresBindable where Element == UInt8 {
    /// A `bytea`, sent in binary format.
    public var postgresBinding: PostgresBinding { PostgresBinding(type: .bytea, bytes: self, isBinary: true) }
}

extension Optional: PostgresBindable where Wrapped: PostgresBindable {
    /// The wrapped value, or `NULL` of the wrapped value's type.
    public var postgresBinding: PostgresBinding {
        switch self {
        case .some(let value): return value.postgresBinding
        case .none: return .null
        }
    }
}

/// JSON text sent as `jsonb`.
///
/// ```swift
/// try connection.query("SELECT pglive.publish($1, $2)", ["chat", PostgresJSON(#"{"text":"hi"}"#)])
/// ```
public struct PostgresJSON: PostgresBindable, Hashable {
    /// The JSON text.
    public var text: String

    /// Wraps JSON text.
    /// - Parameter text: a JSON document.
    public init(_ text: String) { self.text = text }

    /// A `jsonb`.
    public var postgresBinding: PostgresBinding { .text(text, type: .jsonb) }
}

extension PostgresValue: PostgresBindable {
    /// The value with the type it was read as, so a value read from one query binds in another.
    public var postgresBinding: PostgresBinding {
        switch self {
        case .null: return .null
        case .bool(let value): return value.postgresBinding
        case .int(let value): return value.postgresBinding
        case .double(let value): return value.postgresBinding
        case .numeric(let value): return .text(value, type: .numeric)
        case .text(let value): return .text(value)
        case .json(let value): return .text(value, type: .jsonb)
        case .bytes(let value): return value.postgresBinding
        case .timestamp(let value): return value.postgresBinding
        }
    }
}
