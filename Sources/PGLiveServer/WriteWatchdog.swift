import Synchronization

/// Closes the connections whose client has not taken a write within a timeout, with one
/// task for the whole server instead of one per connection or per write.
///
/// Each connection registers a ``WriteClock`` and marks on it when a write starts and
/// ends (two uncontended lock operations per write). One sweep over the registered
/// clocks runs every quarter of the timeout, by a task that starts with the first
/// connection and ends once none is left; a clock whose write has waited longer than the
/// timeout aborts its connection, which fails the write.
///
/// A timer task racing every write cost 18% of the server's CPU at saturation, and a
/// watchdog task per connection kept its own task-stack slabs for the connection's life
/// (`Benchmarks/RESULTS.md`).
final class WriteWatchdog: Sendable {
    /// How long a write may wait for the client.
    let timeout: Duration
    private let registry = Mutex(Registry())

    /// The clocks being watched, and whether the sweeping task runs.
    private struct Registry {
        var clocks: [ObjectIdentifier: WriteClock] = [:]
        var isSweeping = false
    }

    /// Creates a watchdog; nothing runs until a clock is watched.
    ///
    /// - Parameters:
    ///   - timeout: How long a write may wait for the client.
    init(timeout: Duration) {
        self.timeout = timeout
    }

    /// Watches a connection's writes until ``unwatch(_:)``.
    ///
    /// - Parameters:
    ///   - clock: The connection's clock.
    func watch(_ clock: WriteClock) {
        let startSweeping = self.registry.withLock { registry in
            registry.clocks[ObjectIdentifier(clock)] = clock
            defer { registry.isSweeping = true }
            return !registry.isSweeping
        }
        if startSweeping {
            Task { await self.sweep() }
        }
    }

    /// Stops watching a connection.
    ///
    /// - Parameters:
    ///   - clock: The connection's clock.
    func unwatch(_ clock: WriteClock) {
        self.registry.withLock { $0.clocks[ObjectIdentifier(clock)] = nil }
    }

    /// Every quarter of the timeout, aborts the connections whose write has stalled;
    /// returns once no connection is watched.
    private func sweep() async {
        let interval = max(self.timeout / 4, .milliseconds(10))
        while true {
            try? await Task.sleep(for: interval)
            let now = ContinuousClock.now
            let stalled = self.registry.withLock { registry -> [WriteClock]? in
                guard !registry.clocks.isEmpty else {
                    registry.isSweeping = false
                    return nil
                }
                return registry.clocks.values.filter { $0.hasStalled(longerThan: self.timeout, at: now) }
            }
            guard let stalled else {
                return
            }
            for clock in stalled {
                clock.stall()
            }
        }
    }
}
