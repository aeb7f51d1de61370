import CLibPQ

/// One row of a streamed result, read in place from libpq's buffer (text format).
///
/// Valid only during the `encode` call of
/// ``PGConnection/streamChunks(_:_:chunkSize:encode:onChunk:)`` that received it, so it
/// is not `Sendable`.
public struct PostgresRawRow {
    /// The single-row `PGresult`; owned and freed by the streaming loop.
    private let result: OpaquePointer

    init(result: OpaquePointer) {
        self.result = result
    }

    /// The number of columns.
    public var count: Int { Int(PQnfields(result)) }

    /// Whether a column is SQL `NULL`.
    /// - Parameter column: the column's index.
    public func isNull(_ column: Int) -> Bool {
        PQgetisnull(result, 0, Int32(column)) != 0
    }

    /// Appends a column's text bytes (nothing for `NULL`).
    /// - Parameters:
    ///   - column: the column's index.
    ///   - bytes: where to append.
    public func append(column: Int, to bytes: inout [UInt8]) {
        withBytes(column) { bytes.append(contentsOf: $0) }
    }

    /// Lends a column's text bytes (empty for `NULL`).
    /// - Parameters:
    ///   - column: the column's index.
    ///   - body: reads the bytes; they must not escape.
    public func withBytes<R>(_ column: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        let length = Int(PQgetlength(result, 0, Int32(column)))
        guard let value = PQgetvalue(result, 0, Int32(column)) else {
            return try body(UnsafeBufferPointer(start: nil, count: 0))
        }
        return try value.withMemoryRebound(to: UInt8.self, capacity: length) {
            try body(UnsafeBufferPointer(start: $0, count: length))
        }
    }
}

@available(*, unavailable)
extension PostgresRawRow: Sendable {}
