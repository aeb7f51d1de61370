/// The shape of a run and how its connections went, the inputs of ``BenchReport`` besides
/// the counts.
public struct BenchRun: Sendable, Equatable {
    /// Subscribers asked for.
    public var subscribers: Int
    /// Subscribers connected and subscribed.
    public var connectedSubscribers: Int
    /// Messages per second asked for; 0 for saturation.
    public var rate: Int
    /// The send phase's planned length.
    public var seconds: Int
    /// Whether the run only held idle subscriptions.
    public var idle: Bool
    /// Connections that failed to open, CONNECT or SUBSCRIBE, plus a failed publisher.
    public var connectionErrors: Int
    /// The first failure's explanation.
    public var firstError: String?

    /// Creates a run description.
    ///
    /// - Parameters:
    ///   - subscribers: Subscribers asked for.
    ///   - connectedSubscribers: Subscribers connected and subscribed.
    ///   - rate: Messages per second, 0 for saturation.
    ///   - seconds: The send phase's planned length.
    ///   - idle: Whether no messages were sent on purpose.
    ///   - connectionErrors: Failed connections outside the subscribers' own statistics.
    ///   - firstError: The first failure's explanation.
    public init(
        subscribers: Int,
        connectedSubscribers: Int,
        rate: Int,
        seconds: Int,
        idle: Bool = false,
        connectionErrors: Int = 0,
        firstError: String? = nil
    ) {
        self.subscribers = subscribers
        self.connectedSubscribers = connectedSubscribers
        self.rate = rate
        self.seconds = seconds
        self.idle = idle
        self.connectionErrors = connectionErrors
        self.firstError = firstError
    }
}
