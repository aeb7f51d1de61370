/// How fast the publisher sends: a paced rate, or saturation bounded by a window.
///
/// Asked on every timer tick how many messages to send now, so the decision is pure and
/// testable and the publisher only performs it.
///
/// ```swift
/// let plan = PublishPlan.saturation(window: 1000, seconds: 15)
/// plan.allowance(sent: 1500, acknowledged: 900, elapsed: 1_000_000) // 400
/// ```
public enum PublishPlan: Sendable, Equatable {
    /// Message `i` at `i / rate` seconds, with catch-up after a late tick.
    case paced(PacingSchedule)
    /// As fast as the broker delivers, for `seconds`, with at most `window` messages sent
    /// past what the first subscriber has received (or seen skipped).
    case saturation(window: Int, seconds: Int)

    /// Creates the plan for a requested rate: 0 means saturation.
    ///
    /// - Parameters:
    ///   - rate: Messages per second, or 0 for saturation.
    ///   - seconds: The length of the send phase.
    ///   - window: The most messages in flight at saturation.
    public init(rate: Int, seconds: Int, window: Int) {
        self = rate == 0 ? .saturation(window: window, seconds: seconds) : .paced(PacingSchedule(rate: rate, seconds: seconds))
    }

    /// How many messages to send now.
    ///
    /// - Parameters:
    ///   - sent: Messages sent so far.
    ///   - acknowledged: Messages the first subscriber has received or seen skipped.
    ///   - elapsed: Nanoseconds since the send phase started.
    /// - Returns: 0 or more.
    public func allowance(sent: Int, acknowledged: Int, elapsed: UInt64) -> Int {
        switch self {
        case .paced(let schedule):
            return max(0, schedule.dueCount(atNanoseconds: elapsed) - sent)
        case .saturation(let window, let seconds):
            guard elapsed < UInt64(seconds) * 1_000_000_000 else {
                return 0
            }
            return max(0, window - (sent - acknowledged))
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
        case .saturation(_, let seconds):
            elapsed >= UInt64(seconds) * 1_000_000_000
        }
    }
}
