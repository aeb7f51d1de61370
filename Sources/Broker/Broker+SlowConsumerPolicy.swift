extension Broker {
    /// What the broker does when a session's frames would pass
    /// ``Configuration/maxQueuedFrames`` or ``Configuration/maxQueuedBytes``.
    ///
    /// ```swift
    /// Broker.Configuration(slowConsumerPolicy: .dropWithGapNotice)
    /// ```
    public enum SlowConsumerPolicy: String, Sendable, Hashable, CaseIterable {
        /// Forget the session and everything held for it and return
        /// ``Action/disconnect(session:_:)``: the owner sends `ERROR` "slow consumer" and
        /// closes. Other sessions are not affected.
        case disconnect
        /// Keep what is queued, drop every later message for the session, and once its
        /// queue is drained send each subscription that lost messages one gap notice: a
        /// `MESSAGE` with `gap:true`, `gap-first-position`, `gap-last-position` and
        /// `gap-dropped` headers, no `position` and no body. The client replays the range
        /// with `from-position`.
        case dropWithGapNotice = "drop-with-gap-notice"
    }
}
