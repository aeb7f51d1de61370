extension Broker {
    /// Takes the frames to write to a session's socket now, oldest first, so the owner
    /// writes many frames and flushes once.
    ///
    /// Call it after ``Action/drain(session:)`` whenever the socket is writable, until
    /// ``Drain/hasMore`` is `false`. Draining the queue empty lets the session's
    /// subscriptions that lost messages queue their gap notices.
    ///
    /// ```swift
    /// let drain = broker.drain(session: id, maxBytes: 256 << 10)
    /// for delivery in drain.deliveries { channel.write(delivery.head); channel.write(delivery.tail) }
    /// channel.flush()
    /// ```
    ///
    /// - Parameters:
    ///   - session: The session id; an unknown session drains nothing.
    ///   - maxBytes: The most bytes to take; the first frame is taken whatever its size.
    public mutating func drain(session: String, maxBytes: Int) -> Drain {
        // Found once and changed in place, as in `deliver`: no copy of the session's state.
        guard let index = self.sessions.index(forKey: session) else {
            return Drain(deliveries: [], hasMore: false)
        }
        let (deliveries, hasMore) = self.sessions.values[index].take(maxBytes: maxBytes)
        self.metrics.framesOut += deliveries.count
        self.metrics.bytesOut += deliveries.reduce(0) { $0 + $1.byteCount }
        // Gap notices are queued only into an emptied queue; queueing one means more to drain.
        let noticesQueued = !deliveries.isEmpty && !self.closeGaps(session: session).isEmpty
        return Drain(deliveries: deliveries, hasMore: hasMore || noticesQueued)
    }
}
