import Logging

/// A bounded pool of PostgreSQL connections, each confined to a thread of its own.
///
/// Connections are opened on demand up to ``Configuration/maxConnections``. A caller
/// that finds none free waits in FIFO order until one is returned, the acquire timeout
/// passes (``PostgresError/Kind/poolTimeout``) or its task is cancelled. A leased
/// connection is checked before use (a dead one is replaced), and a returned one goes
/// back only if it is connected with no transaction open; otherwise it is closed.
///
/// ```swift
/// let pool = PostgresPool(configuration: .init(connectionString: url), logger: logger)
/// let count = try await pool.withConnection { connection in
///     try connection.query("SELECT count(*) AS n FROM pglive.events").rows[0].decode("n", as: Int.self)
/// }
/// await pool.close()
/// ```
public actor PostgresPool {
    /// Limits and timeouts of a pool.
    public struct Configuration: Sendable {
        /// The most connections open at once.
        public var maxConnections: Int
        /// How long a caller waits for a free connection before ``PostgresError/Kind/poolTimeout``.
        public var acquireTimeout: Duration
        /// A connection idle longer than this is pinged (`SELECT 1`) before it is leased.
        public var pingAfterIdle: Duration

        /// Creates pool limits.
        /// - Parameters:
        ///   - maxConnections: the most connections open at once (at least 1).
        ///   - acquireTimeout: how long to wait for a free connection.
        ///   - pingAfterIdle: idle time after which a connection is pinged before use.
        public init(maxConnections: Int = 10, acquireTimeout: Duration = .seconds(10), pingAfterIdle: Duration = .seconds(30)) {
            self.maxConnections = max(1, maxConnections)
            self.acquireTimeout = acquireTimeout
            self.pingAfterIdle = pingAfterIdle
        }
    }

    /// What a caller was given: a connection, or room to open a new one.
    private enum Grant: Sendable {
        case connection(ConnectionThread, idleSince: ContinuousClock.Instant?)
        case slot
    }

    private struct Waiter {
        let ticket: ObjectIdentifier
        let continuation: CheckedContinuation<Grant, any Error>
        let timeout: Task<Void, Never>
    }

    private final class Ticket: Sendable {}

    private let connection: PostgresConfiguration
    private let configuration: Configuration
    private let logger: Logger
    private var idle: [(thread: ConnectionThread, since: ContinuousClock.Instant)] = []
    private var waiters: [Waiter] = []
    private var openCount = 0
    private var isClosed = false

    /// Creates a pool; no connection is opened until the first lease.
    /// - Parameters:
    ///   - connection: where to connect.
    ///   - configuration: limits and timeouts.
    ///   - logger: for pool events and server notices.
    public init(connection: PostgresConfiguration, configuration: Configuration = .init(), logger: Logger) {
        self.connection = connection
        self.configuration = configuration
        self.logger = logger
    }

    /// Leases a connection for the duration of `body`, which runs on the connection's thread.
    ///
    /// Cancelling the calling task while `body` runs cancels its statement on the server;
    /// the connection goes back to the pool either way.
    /// - Parameter body: synchronous work with the connection; it must not keep it.
    /// - Returns: what `body` returned.
    /// - Throws: what `body` threw, or ``PostgresError`` (`poolTimeout`, `poolClosed`,
    ///   `cancelled`, `connection`).
    public nonisolated func withConnection<T: Sendable>(
        _ body: @escaping @Sendable (PGConnection) throws -> T
    ) async throws -> T {
        let thread = try await lease()
        let (result, reusable) = await thread.run(body)
        await giveBack(thread, reusable: reusable)
        return try result.get()
    }

    /// Counts of connections by state, for metrics and tests.
    public var statistics: PostgresPoolStatistics {
        PostgresPoolStatistics(open: openCount, idle: idle.count, waiters: waiters.count)
    }

    /// Closes idle connections, fails waiting callers, and closes leased connections
    /// when they come back.
    public func close() {
        isClosed = true
        for waiter in waiters {
            waiter.timeout.cancel()
            waiter.continuation.resume(throwing: PostgresError(.poolClosed, message: "the connection pool is closed"))
        }
        waiters.removeAll()
        for entry in idle { entry.thread.close() }
        openCount -= idle.count
        idle.removeAll()
    }

    /// A healthy connection: an idle one (checked), or a new one.
    /// A caller cancelled before or during the check gets ``PostgresError/taskCancelled``
    /// and the connection goes back to the pool: cancelling is not a sign of a dead
    /// connection (a closed session's queued SENDs once discarded and reopened one
    /// healthy connection each).
    private nonisolated func lease() async throws -> ConnectionThread {
        while true {
            if Task.isCancelled {
                throw PostgresError.taskCancelled
            }
            switch try await acquire() {
            case .slot:
                do {
                    return try await ConnectionThread.connect(configuration: connection, logger: logger)
                } catch {
                    await giveBackSlot()
                    throw error
                }
            case .connection(let thread, let idleSince):
                let needsPing = idleSince.map { .now - $0 > configuration.pingAfterIdle } ?? false
                let (health, reusable) = await thread.run { connection in
                    try connection.checkAlive(ping: needsPing)
                }
                if case .success = health, reusable { return thread }
                if case .failure(let error as PostgresError) = health, error.kind == .cancelled, reusable {
                    await giveBack(thread, reusable: true)
                    throw error
                }
                logger.info("discarding a dead pooled connection", metadata: ["backend": "\(thread.backendPID)"])
                await giveBack(thread, reusable: false)
            }
        }
    }

    private func acquire() async throws -> Grant {
        if isClosed { throw PostgresError(.poolClosed, message: "the connection pool is closed") }
        if let entry = idle.popLast() { return .connection(entry.thread, idleSince: entry.since) }
        if openCount < configuration.maxConnections {
            openCount += 1
            return .slot
        }
        let ticket = Ticket()
        let id = ObjectIdentifier(ticket)
        let timeout = configuration.acquireTimeout
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                guard !Task.isCancelled else {
                    continuation.resume(throwing: PostgresError.taskCancelled)
                    return
                }
                let timer = Task { [weak self] in
                    guard (try? await Task.sleep(for: timeout)) != nil else { return }
                    await self?.failWaiter(id, with: PostgresError(
                        .poolTimeout, message: "no database connection became free within \(timeout)"))
                }
                waiters.append(Waiter(ticket: id, continuation: continuation, timeout: timer))
            }
        } onCancel: {
            Task { [weak self] in await self?.failWaiter(id, with: PostgresError.taskCancelled) }
            _ = ticket
        }
    }

    private func failWaiter(_ ticket: ObjectIdentifier, with error: PostgresError) {
        guard let index = waiters.firstIndex(where: { $0.ticket == ticket }) else { return }
        let waiter = waiters.remove(at: index)
        waiter.timeout.cancel()
        waiter.continuation.resume(throwing: error)
    }

    /// Takes a connection back: to the first waiter, to the idle list, or closed.
    private func giveBack(_ thread: ConnectionThread, reusable: Bool) {
        guard reusable, !isClosed else {
            thread.close()
            giveBackSlot()
            return
        }
        if waiters.isEmpty {
            idle.append((thread, .now))
        } else {
            grantFirstWaiter(.connection(thread, idleSince: nil))
        }
    }

    /// Frees the room of a connection that was closed or never opened.
    private func giveBackSlot() {
        if waiters.isEmpty || isClosed {
            openCount -= 1
        } else {
            grantFirstWaiter(.slot)
        }
    }

    private func grantFirstWaiter(_ grant: Grant) {
        let waiter = waiters.removeFirst()
        waiter.timeout.cancel()
        waiter.continuation.resume(returning: grant)
    }
}

/// How many connections a pool has, by state.
public struct PostgresPoolStatistics: Sendable, Equatable {
    /// Connections open or being opened, leased or idle.
    public var open: Int
    /// Open connections waiting in the pool.
    public var idle: Int
    /// Callers waiting for a connection.
    public var waiters: Int

    /// Creates statistics.
    /// - Parameters:
    ///   - open: connections open or being opened.
    ///   - idle: connections waiting in the pool.
    ///   - waiters: callers waiting.
    public init(open: Int, idle: Int, waiters: Int) {
        self.open = open
        self.idle = idle
        self.waiters = waiters
    }

    /// Connections currently leased (or being opened for a caller).
    public var leased: Int { open - idle }
}
