import CLibPQ
import Foundation
import Logging

/// One libpq connection, used synchronously by its single owner.
///
/// Every call blocks the calling thread until the server answers, so a connection
/// belongs to one thread (see ``PostgresPool`` and ``PostgresListener``, which give each
/// connection a thread of its own); it is deliberately not `Sendable`. It is never
/// used on a NIO event loop or in the Swift concurrency pool.
///
/// ```swift
/// let connection = try PGConnection(configuration: .init(connectionString: url), logger: logger)
/// let rows = try connection.query("SELECT $1::int + 1 AS n", [41]).rows
/// ```
public final class PGConnection {
    let handle: OpaquePointer
    let logger: Logger
    private let noticeSink: NoticeSink
    /// The statements ``queryPrepared(_:_:)`` prepared on this connection: SQL text → name.
    var preparedStatements: [String: String] = [:]

    /// Connects, blocking until the connection is ready or has failed.
    /// - Parameters:
    ///   - configuration: where to connect.
    ///   - logger: receives the server's notices and warnings.
    /// - Throws: ``PostgresError`` of kind `connection` with libpq's message.
    public init(configuration: PostgresConfiguration, logger: Logger) throws {
        let parameters = configuration.connectParameters
        let handle = withCStringArrays(parameters) { keywords, values in
            PQconnectdbParams(keywords, values, 1)
        }
        guard let handle else {
            throw PostgresError(.connection, message: "libpq could not allocate a connection")
        }
        guard PQstatus(handle) == CONNECTION_OK else {
            let message = Self.errorMessage(of: handle)
            PQfinish(handle)
            throw PostgresError(.connection, message: message)
        }
        self.handle = handle
        self.logger = logger
        noticeSink = NoticeSink(logger: logger)
        noticeSink.install(on: handle)
        try execute("SET DateStyle TO ISO")
    }

    deinit {
        PQfinish(handle)
    }

    /// Whether the connection is still usable (no round trip): libpq has not seen it
    /// fail and the server has not announced that it is closing it.
    public var isConnected: Bool { PQstatus(handle) == CONNECTION_OK && !noticeSink.receivedFatal }

    /// The process id of the server backend serving this connection.
    public var backendPID: Int32 { PQbackendPID(handle) }

    /// The server's version as an integer, for example `150018` for 15.18.
    public var serverVersion: Int { Int(PQserverVersion(handle)) }

    /// The transaction state after the last command.
    public var transactionStatus: PostgresTransactionStatus {
        switch PQtransactionStatus(handle) {
        case PQTRANS_IDLE: return .idle
        case PQTRANS_ACTIVE: return .active
        case PQTRANS_INTRANS: return .inTransaction
        case PQTRANS_INERROR: return .failedTransaction
        default: return .unknown
        }
    }

    /// Whether the connection can be handed to the next user: connected, no transaction open.
    public var isReusable: Bool { isConnected && transactionStatus == .idle }

    /// Quotes a name for use as an SQL identifier (for example a `LISTEN` channel).
    /// - Parameter identifier: the raw name.
    /// - Returns: the name in double quotes with embedded quotes doubled.
    public func escapeIdentifier(_ identifier: String) throws -> String {
        let utf8 = Array(identifier.utf8)
        guard let escaped = utf8.withUnsafeBufferPointer({ buffer in
            buffer.withMemoryRebound(to: CChar.self) { PQescapeIdentifier(handle, $0.baseAddress, $0.count) }
        }) else {
            throw PostgresError(.invalidArgument, message: Self.errorMessage(of: handle))
        }
        defer { PQfreemem(escaped) }
        return String(cString: escaped)
    }

    /// A handle that cancels the statement running on this connection from any thread.
    public func makeCanceller() -> PostgresQueryCanceller {
        // PQgetCancel returns a new object independent of the connection, documented as
        // usable from another thread; the canceller becomes its only owner.
        nonisolated(unsafe) let cancel = PQgetCancel(handle)
        return PostgresQueryCanceller(handle: cancel)
    }

    static func errorMessage(of handle: OpaquePointer) -> String {
        guard let message = PQerrorMessage(handle) else { return "unknown libpq error" }
        return String(cString: message).trimmingTrailingNewlines()
    }
}

@available(*, unavailable, message: "a PGConnection belongs to one thread")
extension PGConnection: Sendable {}

/// The transaction state of a connection (`PQtransactionStatus`).
public enum PostgresTransactionStatus: Sendable, Equatable {
    /// No transaction open.
    case idle
    /// A command is in progress.
    case active
    /// Inside a transaction block.
    case inTransaction
    /// Inside a failed transaction block; only `ROLLBACK` helps.
    case failedTransaction
    /// The connection is bad.
    case unknown
}

extension String {
    func trimmingTrailingNewlines() -> String {
        var text = self
        while text.last?.isNewline == true { text.removeLast() }
        return text
    }
}

/// Calls `body` with NUL-terminated C string arrays of the keys and values.
private func withCStringArrays<R>(
    _ pairs: [(String, String)],
    _ body: (UnsafePointer<UnsafePointer<CChar>?>, UnsafePointer<UnsafePointer<CChar>?>) -> R
) -> R {
    let keys = pairs.map { strdup($0.0) } + [nil]
    let values = pairs.map { strdup($0.1) } + [nil]
    defer {
        keys.forEach { free($0) }
        values.forEach { free($0) }
    }
    let constKeys: [UnsafePointer<CChar>?] = keys.map { $0.map { UnsafePointer($0) } }
    let constValues: [UnsafePointer<CChar>?] = values.map { $0.map { UnsafePointer($0) } }
    return constKeys.withUnsafeBufferPointer { k in
        constValues.withUnsafeBufferPointer { v in body(k.baseAddress!, v.baseAddress!) }
    }
}

extension PGConnection {
    /// Reads whatever the server sent while the connection was idle (a termination
    /// notice followed by end of file, for instance) without blocking, and fails if
    /// the connection is gone; with `ping`, also makes a round trip.
    /// - Parameter ping: whether to run `SELECT 1`.
    public func checkAlive(ping: Bool) throws {
        let socket = PQsocket(handle)
        // An idle connection has nothing to read but notices; a closed one stays
        // readable until libpq has seen the end of file, which takes a second read.
        for _ in 0..<8 {
            var descriptor = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
            guard isConnected, poll(&descriptor, 1, 0) == 1 else { break }
            guard PQconsumeInput(handle) == 1 else { break }
            _ = PQisBusy(handle) // parses what arrived, so a FATAL message reaches the notice sink
        }
        guard isConnected else {
            throw PostgresError(.connection, message: Self.errorMessage(of: handle))
        }
        if ping { try execute("SELECT 1") }
    }
}
