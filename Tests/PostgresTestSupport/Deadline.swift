/// Waits for a condition with a deadline instead of sleeping for a guessed time.
public enum Deadline {
    /// The condition did not become true in time.
    public struct Expired: Error, CustomStringConvertible {
        /// What was awaited.
        public let description: String
    }

    /// Polls `condition` every 20 ms until it is true or `timeout` passes.
    /// - Parameters:
    ///   - what: a description for the failure message.
    ///   - timeout: how long to wait at most.
    ///   - condition: the condition to wait for.
    public static func waitUntil(
        _ what: String, timeout: Duration = .seconds(60), _ condition: () async throws -> Bool
    ) async throws {
        let end = ContinuousClock.now + timeout
        while ContinuousClock.now < end {
            if try await condition() { return }
            try await Task.sleep(for: .milliseconds(20))
        }
        throw Expired(description: "timed out after \(timeout) waiting for \(what)")
    }

    /// Runs `operation`, failing with ``Expired`` if it takes longer than `timeout`.
    /// - Parameters:
    ///   - what: a description for the failure message.
    ///   - timeout: how long to wait at most.
    ///   - operation: the work; it is cancelled on timeout.
    public static func within<T: Sendable>(
        _ what: String, timeout: Duration = .seconds(60), _ operation: @escaping @Sendable () async throws -> T
    ) async throws -> T {
        try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask { try await operation() }
            group.addTask {
                try await Task.sleep(for: timeout)
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let value = first else {
                throw Expired(description: "timed out after \(timeout) waiting for \(what)")
            }
            return value
        }
    }
}
