extension FrameTransport {
    /// Closes the connection, giving up on a polite close (a WebSocket close frame the
    /// client never reads) after `timeout`.
    ///
    /// - Parameters:
    ///   - timeout: How long the close may take.
    func close(within timeout: Duration) async {
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await self.close() }
            group.addTask { try? await Task.sleep(for: timeout) }
            await group.next()
            group.cancelAll()
        }
    }
}
