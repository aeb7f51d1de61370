import CLibPQ
import Dispatch
import Foundation
import Logging
import Synchronization

/// A thread that owns one ``PGConnection`` and runs jobs on it one after another.
///
/// The connection is created on the thread and never leaves it: jobs receive it as a
/// parameter and cannot keep it. This is how the pool confines each connection to a
/// single owner while its callers are async tasks.
final class ConnectionThread: Sendable {
    typealias Job = @Sendable (PGConnection) -> Void

    private let jobs: JobQueue
    private let canceller: PostgresQueryCanceller
    /// The server process serving this connection.
    let backendPID: Int32

    private init(jobs: JobQueue, canceller: PostgresQueryCanceller, backendPID: Int32) {
        self.jobs = jobs
        self.canceller = canceller
        self.backendPID = backendPID
    }

    /// Starts a thread, connects on it and returns once the connection is ready.
    /// - Parameters:
    ///   - configuration: where to connect.
    ///   - logger: for the connection's notices.
    static func connect(configuration: PostgresConfiguration, logger: Logger) async throws -> ConnectionThread {
        let jobs = JobQueue()
        return try await withCheckedThrowingContinuation { continuation in
            let thread = Thread {
                let connection: PGConnection
                do {
                    connection = try PGConnection(configuration: configuration, logger: logger)
                } catch {
                    continuation.resume(throwing: error)
                    return
                }
                continuation.resume(returning: ConnectionThread(
                    jobs: jobs, canceller: connection.makeCanceller(), backendPID: connection.backendPID))
                while let job = jobs.next() { job(connection) }
            }
            thread.name = "pglive-postgres"
            thread.start()
        }
    }

    /// How long a cancelled job may still run after its cancel request before its
    /// connection's socket is shut down under it.
    static let cancelGrace = Duration.seconds(3)

    /// Runs `body` on the connection's thread; cancelling the calling task cancels the
    /// running statement (or skips `body` if it has not started).
    ///
    /// A statement the cancel request does not end within ``cancelGrace`` (a server that
    /// does not answer, a cancel request that cannot reach it) has its connection's socket
    /// shut down, so the blocking libpq call fails and the job, and the task awaiting it,
    /// end: a cancelled lease never waits on the server for ever.
    /// - Parameter body: the work, called with the connection.
    /// - Returns: the outcome, and whether the connection may be reused afterwards
    ///   (connected, no transaction open, no cancel request possibly still in flight).
    func run<T: Sendable>(
        _ body: @escaping @Sendable (PGConnection) throws -> T
    ) async -> (result: Result<T, any Error>, reusable: Bool) {
        let lease = LeaseCancellation(grace: Self.cancelGrace)
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                jobs.push { connection in
                    guard lease.start(socket: PQsocket(connection.handle)) else {
                        continuation.resume(returning: (.failure(PostgresError.taskCancelled), connection.isReusable))
                        return
                    }
                    let result = Result { try body(connection) }
                    let cancel = lease.finish()
                    let reusable = connection.isReusable
                        && (cancel == .none || (cancel == .delivered && Self.wasCancelled(result)))
                    continuation.resume(returning: (result, reusable))
                }
            }
        } onCancel: { [canceller] in
            DispatchQueue.global().async { lease.cancel(using: canceller) }
        }
    }

    /// Ends the thread after the jobs already queued; the connection closes with it.
    func close() {
        jobs.close()
    }

    private static func wasCancelled<T>(_ result: Result<T, any Error>) -> Bool {
        guard case .failure(let error as PostgresError) = result else { return false }
        return error.sqlState == PostgresError.queryCanceled
    }
}

/// The jobs waiting for a connection thread: a FIFO list and a semaphore counting them.
private final class JobQueue: Sendable {
    private let state = Mutex<(jobs: [ConnectionThread.Job], closed: Bool)>(([], false))
    private let available = DispatchSemaphore(value: 0)

    func push(_ job: @escaping ConnectionThread.Job) {
        state.withLock { $0.jobs.append(job) }
        available.signal()
    }

    func close() {
        state.withLock { $0.closed = true }
        available.signal()
    }

    /// Blocks until a job is queued; `nil` once closed and drained.
    func next() -> ConnectionThread.Job? {
        while true {
            available.wait()
            let next: ConnectionThread.Job?? = state.withLock { state in
                if !state.jobs.isEmpty { return .some(state.jobs.removeFirst()) }
                return state.closed ? .some(nil) : .none
            }
            if let next { return next }
        }
    }
}

/// Where one job stands, so a cancel request reaches only the statement it was meant for
/// and a job it does not end is cut off.
///
/// The job's socket is held as a duplicate descriptor, closed when the job finishes: libpq
/// closes its own descriptor when it sees the connection fail, and that number may then
/// name another socket of the process, which shutting it down would break.
private final class LeaseCancellation: Sendable {
    /// What cancelling did to a job that ran.
    enum Outcome: Equatable {
        /// No cancel request was sent.
        case none
        /// A cancel request reached the server while the job ran.
        case delivered
        /// A cancel request did not settle in time, or the socket was shut down: the
        /// connection must not serve another job, which a late request could hit.
        case unsettled
    }

    private enum Phase {
        case pending
        case running(socket: Int32)
        /// The job runs and a cancel request is being sent (`PQcancel` waits for the server).
        case cancelling(socket: Int32)
        /// The job runs and its cancel request was sent.
        case cancelled(socket: Int32)
        /// The job runs and its socket was shut down.
        case severed(socket: Int32)
        /// The job is done and waits for its cancel request to be sent.
        case settling
        /// The job is done and its cancel request was sent.
        case settled
        case skipped
        case finished
    }

    private let phase = Mutex(Phase.pending)
    private let requestSent = DispatchSemaphore(value: 0)
    private let grace: Duration

    /// - Parameter grace: how long a cancelled job may run on before its socket is shut
    ///   down, and how long a finished job waits for its cancel request to be sent.
    init(grace: Duration) {
        self.grace = grace
    }

    /// Marks the job started on a connection using `socket`; `false` if it was cancelled
    /// before it began.
    func start(socket: Int32) -> Bool {
        let duplicate = socket >= 0 ? fcntl(socket, F_DUPFD_CLOEXEC, 0) : -1
        let started = phase.withLock { phase in
            guard case .pending = phase else { return false }
            phase = .running(socket: duplicate)
            return true
        }
        if !started { Self.close(duplicate) }
        return started
    }

    /// Marks the job finished; says what cancelling did while it ran. If a cancel request is
    /// still being sent, waits for it (up to the grace time), so that a statement it ended
    /// counts as cancelled by it.
    func finish() -> Outcome {
        let waiting = phase.withLock { phase in
            guard case .cancelling(let socket) = phase else { return false }
            Self.close(socket)
            phase = .settling
            return true
        }
        if waiting { _ = requestSent.wait(timeout: .now() + Self.dispatchInterval(grace)) }
        return phase.withLock { phase in
            defer { phase = .finished }
            switch phase {
            case .running(let socket):
                Self.close(socket)
                return .none
            case .cancelled(let socket):
                Self.close(socket)
                return .delivered
            case .cancelling(let socket), .severed(let socket):
                Self.close(socket)
                return .unsettled
            case .settled:
                return .delivered
            case .settling:
                return .unsettled
            case .pending, .skipped, .finished:
                return .none
            }
        }
    }

    /// Cancels the job: before it starts it is skipped; while it runs its statement is
    /// cancelled on the server, and if it still runs after the grace time its socket is
    /// shut down.
    func cancel(using canceller: PostgresQueryCanceller) {
        let cancelling = phase.withLock { phase in
            switch phase {
            case .pending:
                phase = .skipped
                return false
            case .running(let socket):
                phase = .cancelling(socket: socket)
                return true
            case .cancelling, .cancelled, .severed, .settling, .settled, .skipped, .finished:
                return false
            }
        }
        guard cancelling else { return }
        DispatchQueue.global().asyncAfter(deadline: .now() + Self.dispatchInterval(grace)) { self.sever() }
        // Outside the lock: PQcancel can block for as long as the server does not answer.
        canceller.cancel()
        phase.withLock { phase in
            switch phase {
            case .cancelling(let socket): phase = .cancelled(socket: socket)
            case .settling: phase = .settled
            default: break
            }
        }
        requestSent.signal()
    }

    /// Shuts the socket down if the job still runs: libpq's blocking call then fails at once.
    private func sever() {
        phase.withLock { phase in
            switch phase {
            case .cancelling(let socket), .cancelled(let socket):
                if socket >= 0 { _ = shutdown(socket, Int32(SHUT_RDWR)) }
                phase = .severed(socket: socket)
            default:
                break
            }
        }
    }

    private static func close(_ socket: Int32) {
        if socket >= 0 { _ = Glibc.close(socket) }
    }

    private static func dispatchInterval(_ duration: Duration) -> DispatchTimeInterval {
        let (seconds, attoseconds) = duration.components
        return .nanoseconds(Int(seconds) * 1_000_000_000 + Int(attoseconds / 1_000_000_000))
    }
}
