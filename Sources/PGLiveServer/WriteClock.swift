import Synchronization

/// When a connection's current write started, for the server's ``WriteWatchdog``; it
/// aborts the connection once the watchdog finds the write stalled.
final class WriteClock: Sendable {
    private let state = Mutex(State())
    private let abort: @Sendable () -> Void

    private struct State {
        /// When each write in flight started, oldest first: a session has its own writes
        /// and the hub's deliveries, and a channel finishes its writes in order.
        var writesStarted: [ContinuousClock.Instant] = []
        var hasStalled = false
    }

    /// Creates a clock with no write in progress.
    ///
    /// - Parameters:
    ///   - abort: Closes the connection at once, failing the stalled write; called at most once.
    init(abort: @escaping @Sendable () -> Void) {
        self.abort = abort
    }

    /// Marks the start of a write.
    func writeBegins() {
        self.state.withLock { $0.writesStarted.append(.now) }
    }

    /// Marks the end of a write, successful or not.
    func writeEnds() {
        self.state.withLock { state in
            if !state.writesStarted.isEmpty {
                state.writesStarted.removeFirst()
            }
        }
    }

    /// Whether the watchdog aborted the connection because a write stalled.
    var hasStalled: Bool {
        self.state.withLock { $0.hasStalled }
    }

    /// Whether the oldest write in progress started more than `timeout` before `now`.
    func hasStalled(longerThan timeout: Duration, at now: ContinuousClock.Instant) -> Bool {
        self.state.withLock { state in
            state.writesStarted.first.map { now - $0 > timeout } ?? false
        }
    }

    /// Marks the write stalled and aborts the connection, once.
    func stall() {
        let first = self.state.withLock { state in
            defer { state.hasStalled = true }
            return !state.hasStalled
        }
        if first {
            self.abort()
        }
    }
}
