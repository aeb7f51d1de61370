import Synchronization

/// How long a connection's writes have made no progress, for the server's
/// ``WriteWatchdog``; it aborts the connection once the watchdog finds them stalled.
///
/// A channel finishes its writes in order, so with writes in progress the clock runs from
/// the later of the first one's start and the last one's end: the time no write (of up to
/// a drain's 256 KiB) completed, i.e. the client took too few bytes to finish one. Two
/// fields rather than a queue of start times, whose upkeep was 2.8% of the server's samples
/// at saturation (no throughput change measured, `Benchmarks/RESULTS.md`).
final class WriteClock: Sendable {
    private let state = Mutex(State())
    private let abort: @Sendable () -> Void

    private struct State {
        /// Writes started and not yet ended.
        var writesInProgress = 0
        /// Since when no write ended, while some are in progress.
        var waitingSince = ContinuousClock.Instant.now
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
    ///
    /// - Parameters:
    ///   - now: The current time.
    func writeBegins(at now: ContinuousClock.Instant = .now) {
        self.state.withLock { state in
            if state.writesInProgress == 0 {
                state.waitingSince = now
            }
            state.writesInProgress += 1
        }
    }

    /// Marks the end of a write, successful or not.
    ///
    /// - Parameters:
    ///   - now: The current time.
    func writeEnds(at now: ContinuousClock.Instant = .now) {
        self.state.withLock { state in
            state.writesInProgress = max(0, state.writesInProgress - 1)
            if state.writesInProgress > 0 {
                state.waitingSince = now
            }
        }
    }

    /// Whether the watchdog aborted the connection because a write stalled.
    var hasStalled: Bool {
        self.state.withLock { $0.hasStalled }
    }

    /// Whether writes are in progress and none ended for more than `timeout` before `now`.
    func hasStalled(longerThan timeout: Duration, at now: ContinuousClock.Instant) -> Bool {
        self.state.withLock { state in
            state.writesInProgress > 0 && now - state.waitingSince > timeout
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
