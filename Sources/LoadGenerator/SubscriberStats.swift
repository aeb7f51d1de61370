/// What subscribers received, for one subscriber or merged over many.
///
/// ```swift
/// let total = snapshots.reduce(into: SubscriberStats()) { $0.merge($1) }
/// ```
public struct SubscriberStats: Sendable, Equatable {
    /// First deliveries of benchmark messages.
    public var delivered: UInt64 = 0
    /// Deliveries of a sequence number already received by the same subscriber.
    public var duplicates: UInt64 = 0
    /// MESSAGE frames whose body is not a benchmark payload (other traffic on the destination).
    public var unrecognised: UInt64 = 0
    /// Latency of every first delivery, in nanoseconds.
    public var latency = LatencyHistogram()
    /// The monotonic instant of the last delivery, in nanoseconds; 0 when none.
    public var lastDeliveryAt: UInt64 = 0
    /// Connections that failed after subscribing (ERROR frame or close).
    public var lostConnections = 0

    /// Creates empty statistics.
    public init() {}

    /// Adds another subscriber's statistics to these.
    ///
    /// - Parameters:
    ///   - other: The statistics to add.
    public mutating func merge(_ other: SubscriberStats) {
        self.delivered += other.delivered
        self.duplicates += other.duplicates
        self.unrecognised += other.unrecognised
        self.latency.merge(other.latency)
        self.lastDeliveryAt = max(self.lastDeliveryAt, other.lastDeliveryAt)
        self.lostConnections += other.lostConnections
    }
}
