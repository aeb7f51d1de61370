import Logging
import PostgresLibPQ

extension HistoryError {
    /// The client-facing error for a failed database call: unavailable (503) when the
    /// database cannot be reached, is shutting down or timed out; internal (500) otherwise.
    /// The statement and the server's message go to the log only: they may hold SQL.
    ///
    /// - Parameters:
    ///   - error: what the database call threw.
    ///   - logger: where the full error is logged.
    static func database(_ error: any Error, logger: Logger) -> HistoryError {
        if let error = error as? HistoryError { return error }
        logger.warning("history query failed", metadata: ["error": "\(error)"])
        guard let error = error as? PostgresError else {
            return HistoryError(.internalError, "the request failed; see the server log")
        }
        switch error.kind {
        case .connection, .poolTimeout, .poolClosed, .cancelled:
            return HistoryError(.databaseUnavailable, "the database is not available", detail: "\(error.kind)")
        case .server where error.sqlState == "57014":
            return HistoryError(.databaseUnavailable, "the query took longer than the statement timeout", detail: "narrow the range or filter on indexed columns")
        case .server where error.sqlState?.hasPrefix("08") == true || error.sqlState?.hasPrefix("57P") == true:
            return HistoryError(.databaseUnavailable, "the database is not available", detail: error.sqlState)
        default:
            return HistoryError(.internalError, "the request failed; see the server log", detail: error.sqlState)
        }
    }
}
