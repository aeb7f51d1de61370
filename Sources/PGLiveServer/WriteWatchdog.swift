import Synchronization

/// Notices a write that a client has not taken within a timeout, without a timer per write.
///
/// The connection marks when a write starts and ends (two uncontended lock operations);
/// one check per connection runs every quarter of the timeout. Racing every write against
/// a sleeping task instead cost 18% of the server's CPU at saturation (a profile of
/// `Benchmarks/fanout.sh`).
final class WriteWatchdog: Sendable {
    /// How long a write may wait for the client.
    let timeout: Duration
    private let writeStarted = Mutex<ContinuousClock.Instant?>(nil)

    /// Creates a watchdog.
    ///
    /// - Parameters:
    ///   - timeout: How long a write may wait for the client.
    init(timeout: Duration) {
        self.timeout = timeout
    }

    /// Marks the start of a write.
    func writeBegins() {
        self.writeStarted.withLock { $0 = .now }
    }

    /// Marks the end of a write, successful or not.
    func writeEnds() {
        self.writeStarted.withLock { $0 = nil }
    }

    /// Returns once a write has waited longer than the timeout; until then it checks every
    /// quarter of the timeout, and it returns when its task is cancelled.
    func waitForStalledWrite() async {
        let interval = max(self.timeout / 4, .milliseconds(10))
        while (try? await Task.sleep(for: interval)) != nil {
            let stalled = self.writeStarted.withLock { started in
                started.map { ContinuousClock.now - $0 > self.timeout } ?? false
            }
            if stalled {
                return
            }
        }
    }
}
