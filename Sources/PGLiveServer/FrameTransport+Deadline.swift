extension FrameTransport {
    /// Writes frames, or fails with ``WriteTimeout`` when the client has not taken them
    /// within `timeout`: a client that stopped reading must not hold its connection (and the
    /// task serving it) forever once the broker dropped it as a slow consumer.
    ///
    /// - Parameters:
    ///   - frames: Whole frames.
    ///   - timeout: How long the client may take.
    func write(_ frames: [OutboundFrame], within timeout: Duration) async throws {
        try await Self.race(timeout) { try await self.write(frames) }
    }

    /// Closes the connection, giving up on a polite close (a WebSocket close frame) after `timeout`.
    ///
    /// - Parameters:
    ///   - timeout: How long the close may take.
    func close(within timeout: Duration) async {
        try? await Self.race(timeout) { await self.close() }
    }

    /// Runs `operation`, cancelling it and throwing ``WriteTimeout`` after `timeout`.
    private static func race(_ timeout: Duration, _ operation: @escaping @Sendable () async throws -> Void) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask(operation: operation)
            group.addTask {
                try await Task.sleep(for: timeout)
                throw WriteTimeout(timeout: timeout)
            }
            defer { group.cancelAll() }
            try await group.next()
        }
    }
}
