import CLibPQ

/// Reads the diagnostic fields of a failed `PGresult` into a ``PostgresError``.
enum PGResultError {
    /// The `PG_DIAG_*` field codes pglive reads.
    enum Field: UInt8 {
        case severity = 86 // 'V', not localised
        case sqlState = 67 // 'C'
        case message = 77 // 'M'
        case detail = 68 // 'D'
        case hint = 72 // 'H'
        case position = 80 // 'P'
    }

    static func field(_ result: OpaquePointer, _ field: Field) -> String? {
        guard let value = PQresultErrorField(result, Int32(field.rawValue)) else { return nil }
        return String(cString: value)
    }

    /// The error of a failed result; falls back to the connection's message where the
    /// result has no fields (connection lost).
    static func error(of result: OpaquePointer?, connection: OpaquePointer, statement: String) -> PostgresError {
        guard let result, let sqlState = field(result, .sqlState) else {
            let message = result.flatMap { PQresultErrorMessage($0) }.map { String(cString: $0) }
            let text = (message?.isEmpty == false ? message! : PGConnection.errorMessage(of: connection))
            return PostgresError(.connection, message: text.trimmingTrailingNewlines(), statement: statement)
        }
        return PostgresError(
            .server,
            message: field(result, .message) ?? "",
            sqlState: sqlState,
            detail: field(result, .detail),
            hint: field(result, .hint),
            position: field(result, .position).flatMap { Int($0) },
            statement: statement)
    }
}
