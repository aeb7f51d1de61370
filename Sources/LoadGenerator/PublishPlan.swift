/// How fast the publisher sends: a paced rate, or saturation bounded by a window.
///
/// Asked on every timer tick how many messages to send now, so the decision is pure and
/// testable and the publisher only performs it.
///
/// ```swift
/// let plan = PublishPlan(rate: 0, seconds: 15, window: 10_000, subscribers: 100)
/// plan.allowance(sent: 150, delivered: 9_000, elapsed: 1_000_000) // 100 − 60 = 40
/// ```
public enum PublishPlan: Sendable, Equatable {
    /// Message `i` at `i / rate` seconds, with catch-up after a late tick.
    case paced(PacingSchedule)
    /// As fast as the broker delivers, for `seconds`, with at most `messages` messages in
    /// flight: sent, and not yet delivered to all `subscribers`.
    case saturation(messages: Int, subscribers: Int, seconds: Int)

    /// Creates the plan for a requested rate: 0 means saturation.
    ///
    /// - Parameters:
    ///   - rate: Messages per second, or 0 for saturation.
    ///   - seconds: The length of the send phase.
    ///   - window: At saturation, the most deliveries in flight (messages sent × subscribers
    ///     − deliveries received); at least one message is always allowed in flight.
    ///   - subscribers: The subscribers each message goes to.
    public init(rate: Int, seconds: Int, window: Int, subscribers: Int) {
        guard rate == 0 else {
            self = .paced(PacingSchedule(rate: rate, seconds: seconds))
            return
        }
        let subscribers = max(1, subscribers)
        self = .saturation(messages: max(1, window / subscribers), subscribers: subscribers, seconds: seconds)
    }

    /// How many messages to send now.
    ///
    /// - Parameters:
    ///   - sent: Messages sent so far.
    ///   - delivered: First deliveries so far, all subscribers together.
    ///   - elapsed: Nanoseconds since the send phase started.
    /// - Returns: 0 or more.
    public func allowance(sent: Int, delivered: Int, elapsed: UInt64) -> Int {
        switch self {
        case .paced(let schedule):
            return max(0, schedule.dueCount(atNanoseconds: elapsed) - sent)
        case .saturation(let messages, let subscribers, let seconds):
            guard elapsed < UInt64(seconds) * 1_000_000_000 else {
                return 0
            }
            let undelivered = max(0, sent * subscribers - delivered)
            let inFlight = (undelivered + subscribers - 1) / subscribers
            return max(0, messages - inFlight)
        }
    }

    /// Whether the send phase is over.
    ///
    /// - Parameters:
    ///   - sent: Messages sent so far.
    ///   - elapsed: Nanoseconds since the send phase started.
    public func isFinished(sent: Int, elapsed: UInt64) -> Bool {
        switch self {
        case .paced(let schedule):
            sent >= schedule.total
        case .saturation(_, _, let seconds):
            elapsed >= UInt64(seconds) * 1_000_000_000
        }
    }
}
