extension FrameTransport {
    /// Closes the connection politely, and closes the socket anyway after `timeout` (a
    /// WebSocket close frame the client never answers would otherwise keep the connection,
    /// and a graceful shutdown waiting for it, open).
    ///
    /// - Parameters:
    ///   - timeout: How long the polite close may take.
    func close(within timeout: Duration) async {
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await self.close() }
            group.addTask { try? await Task.sleep(for: timeout) }
            await group.next()
            group.cancelAll()
        }
        await self.abort()
    }
}
