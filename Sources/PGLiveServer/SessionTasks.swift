import ServiceLifecycle

/// Runs every STOMP connection, of both endpoints, in a child task of its own under this
/// service, and at graceful shutdown waits for them to end.
///
/// The endpoints hand connections over instead of running them in their own per-connection
/// tasks: Hummingbird's task for an HTTP connection is deep (the HTTP server, the upgrade)
/// and a task keeps every stack slab its deepest call needed until it ends: with the
/// session in it an idle WebSocket session took 40.2 KiB, here 24.7 (`Benchmarks/RESULTS.md`).
///
/// Listed before the endpoints and after ``SessionTerminator`` in the service group, so it
/// stops after the terminator has ended every session and before the endpoints stop.
final class SessionTasks: Service, Sendable {
    /// A connection's work, from start to close.
    typealias Session = @Sendable () async -> Void

    private let sessions: AsyncStream<Session>
    private let submissions: AsyncStream<Session>.Continuation

    /// Creates the service; connections may be handed over before it runs.
    init() {
        (self.sessions, self.submissions) = AsyncStream.makeStream(of: Session.self)
    }

    /// Runs `session` in a task of its own; `false` (and it does not run) once the service
    /// has stopped taking connections, at graceful shutdown.
    ///
    /// - Parameters:
    ///   - session: The connection's work.
    func start(_ session: @escaping Session) -> Bool {
        if case .enqueued = self.submissions.yield(session) {
            return true
        }
        return false
    }

    func run() async {
        await withDiscardingTaskGroup { group in
            await withGracefulShutdownHandler {
                for await session in self.sessions {
                    group.addTask(operation: session)
                }
            } onGracefulShutdown: {
                self.submissions.finish()
            }
            // The group waits for the sessions here; cancellation (the group's shutdown
            // timeout) reaches them through it.
        }
    }
}
