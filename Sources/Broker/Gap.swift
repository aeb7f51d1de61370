/// The messages a subscription lost under ``Broker/SlowConsumerPolicy/dropWithGapNotice``
/// since its last delivered one.
struct Gap: Sendable, Hashable {
    /// The first dropped position.
    let first: Int64
    /// The last dropped position.
    private(set) var last: Int64
    /// How many messages were dropped.
    private(set) var dropped = 1

    /// Starts a gap with one dropped message.
    ///
    /// - Parameters:
    ///   - position: Its position.
    init(position: Int64) {
        self.first = position
        self.last = position
    }

    /// Adds a later dropped message.
    ///
    /// - Parameters:
    ///   - position: Its position.
    mutating func extend(to position: Int64) {
        self.last = position
        self.dropped += 1
    }
}
