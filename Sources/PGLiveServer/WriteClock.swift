import Synchronization

/// When a connection's current write started, for the server's ``WriteWatchdog``; it
/// aborts the connection once the watchdog finds the write stalled.
final class WriteClock: Sendable {
    private let state = Mutex(State())
    private let abort: @Sendable () -> Void

    private struct State {
        var writeStarted: ContinuousClock.Instant?
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
        self.state.withLock { $0.writeStarted = .now }
    }

    /// Marks the end of a write, successful or not.
    func writeEnds() {
        self.state.withLock { $0.writeStarted = nil }
    }

    /// Whether the watchdog aborted the connection because a write stalled.
    var hasStalled: Bool {
        self.state.withLock { $0.hasStalled }
    }

    /// Whether the write in progress started more than `timeout` before `now`.
    func hasStalled(longerThan timeout: Duration, at now: ContinuousClock.Instant) -> Bool {
        self.state.withLock { state in
            state.writeStarted.map { now - $0 > timeout } ?? false
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
