import Foundation

/// A Swift type that a ``PostgresValue`` can be converted to.
public protocol PostgresDecodable {
    /// Converts a value, or returns `nil` if the value is of another kind.
    /// - Parameter postgresValue: the column value.
    init?(postgresValue: PostgresValue)
}

extension PostgresValue: PostgresDecodable {
    /// The value itself.
    public init?(postgresValue: PostgresValue) { self = postgresValue }
}

extension String: PostgresDecodable {
    /// Text, JSON text and exact numerics as their text; other kinds are not strings.
    public init?(postgresValue: PostgresValue) {
        switch postgresValue {
        case .text(let text), .json(let text), .numeric(let text): self = text
        default: return nil
        }
    }
}

extension Int64: PostgresDecodable {
    /// Integer columns.
    public init?(postgresValue: PostgresValue) {
        guard case .int(let value) = postgresValue else { return nil }
        self = value
    }
}

extension Int: PostgresDecodable {
    /// Integer columns.
    public init?(postgresValue: PostgresValue) {
        guard case .int(let value) = postgresValue else { return nil }
        self = Int(value)
    }
}

extension Int32: PostgresDecodable {
    /// Integer columns whose value fits 32 bits.
    public init?(postgresValue: PostgresValue) {
        guard case .int(let value) = postgresValue, let narrow = Int32(exactly: value) else { return nil }
        self = narrow
    }
}

extension Bool: PostgresDecodable {
    /// `boolean` columns.
    public init?(postgresValue: PostgresValue) {
        guard case .bool(let value) = postgresValue else { return nil }
        self = value
    }
}

extension Double: PostgresDecodable {
    /// Floating-point columns, and integers and numerics converted (possibly rounding).
    public init?(postgresValue: PostgresValue) {
        switch postgresValue {
        case .double(let value): self = value
        case .int(let value): self = Double(value)
        case .numeric(let text):
            guard let value = Double(text) else { return nil }
            self = value
        default: return nil
        }
    }
}

extension Date: PostgresDecodable {
    /// Timestamp columns.
    public init?(postgresValue: PostgresValue) {
        guard case .timestamp(let value) = postgresValue else { return nil }
        self = value
    }
}

extension Array: PostgresDecodable where Element == UInt8 {
    /// `bytea` columns.
    public init?(postgresValue: PostgresValue) {
        guard case .bytes(let value) = postgresValue else { return nil }
        self = value
    }
}

extension Optional: PostgresDecodable where Wrapped: PostgresDecodable {
    /// `nil` for `NULL`, otherwise the wrapped type's conversion.
    public init?(postgresValue: PostgresValue) {
        if postgresValue == .null {
            self = .none
        } else if let value = Wrapped(postgresValue: postgresValue) {
            self = .some(value)
        } else {
            return nil
        }
    }
}
