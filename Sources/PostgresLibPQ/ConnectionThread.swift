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

    /// Runs `body` on the connection's thread; cancelling the calling task cancels the
    /// running statement (or skips `body` if it has not started).
    /// - Parameter body: the work, called with the connection.
    /// - Returns: the outcome, and whether the connection may be reused afterwards
    ///   (connected, no transaction open, no cancel request possibly still in flight).
    func run<T: Sendable>(
        _ body: @escaping @Sendable (PGConnection) throws -> T
    ) async -> (result: Result<T, any Error>, reusable: Bool) {
        let lease = LeaseCancellation()
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                jobs.push { connection in
                    guard lease.start() else {
                        continuation.resume(returning: (.failure(PostgresError.taskCancelled), connection.isReusable))
                        return
                    }
                    let result = Result { try body(connection) }
                    let cancelledWhileRunning = lease.finish()
                    let cancelConsumed = Self.wasCancelled(result)
                    let reusable = connection.isReusable && (!cancelledWhileRunning || cancelConsumed)
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

/// Where one job stands, so a cancel request reaches only the statement it was meant for.
private final class LeaseCancellation: Sendable {
    private enum Phase { case pending, running, cancelled, cancelledWhileRunning, finished }
    private let phase = Mutex(Phase.pending)

    /// Marks the job started; `false` if it was cancelled before it began.
    func start() -> Bool {
        phase.withLock { phase in
            guard phase == .pending else { return false }
            phase = .running
            return true
        }
    }

    /// Marks the job finished; returns whether a cancel request was sent while it ran.
    func finish() -> Bool {
        phase.withLock { phase in
            defer { phase = .finished }
            return phase == .cancelledWhileRunning
        }
    }

    /// Cancels the job: before it starts it is skipped; while it runs its statement is
    /// cancelled on the server (under the lock, so the job cannot finish meanwhile).
    func cancel(using canceller: PostgresQueryCanceller) {
        phase.withLock { phase in
            switch phase {
            case .pending:
                phase = .cancelled
            case .running:
                canceller.cancel()
                phase = .cancelledWhileRunning
            case .cancelled, .cancelledWhileRunning, .finished:
                break
            }
        }
    }
}
