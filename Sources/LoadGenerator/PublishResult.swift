/// What the publisher did in the send phase.
public struct PublishResult: Sendable, Equatable {
    /// Messages sent.
    public var sent: Int
    /// The monotonic instant of the first send, in nanoseconds.
    public var startedAt: UInt64
    /// The monotonic instant the send phase ended, in nanoseconds.
    public var endedAt: UInt64

    /// Creates a result.
    ///
    /// - Parameters:
    ///   - sent: Messages sent.
    ///   - startedAt: The first send, monotonic nanoseconds.
    ///   - endedAt: The end of the send phase, monotonic nanoseconds.
    public init(sent: Int, startedAt: UInt64, endedAt: UInt64) {
        self.sent = sent
        self.startedAt = startedAt
        self.endedAt = endedAt
    }
}
