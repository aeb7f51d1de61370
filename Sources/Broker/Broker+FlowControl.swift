extension Broker {
    /// Whether every session's socket queue is below a fraction of the limits (frames and
    /// bytes). Frames parked behind a subscription's unacknowledged limit do not count: they
    /// wait for the client's ACK, not for its socket.
    ///
    /// The feed checks it between slices of a large batch, so sockets that keep up drain
    /// before the next slice arrives and only a consumer that stays behind overflows.
    ///
    /// ```swift
    /// while !broker.queuesBelow(fraction: 0.5) { await drainSomeMore() }
    /// ```
    ///
    /// - Parameters:
    ///   - fraction: The share of ``Configuration/maxQueuedFrames`` and
    ///     ``Configuration/maxQueuedBytes`` each queue must stay under.
    public func queuesBelow(fraction: Double) -> Bool {
        let frames = Int(Double(self.configuration.maxQueuedFrames) * fraction)
        let bytes = Int(Double(self.configuration.maxQueuedBytes) * fraction)
        return self.sessions.values.allSatisfy { $0.queue.count < frames && $0.queuedBytes < bytes }
    }
}
