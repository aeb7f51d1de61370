/// When each message of a paced run is due: message `i` at `i / rate` seconds after the start.
///
/// The publisher asks on every timer tick how many messages are due by now and sends the
/// ones not sent yet, so a late tick catches up instead of letting the rate drift.
///
/// ```swift
/// let schedule = PacingSchedule(rate: 1000, seconds: 10)
/// schedule.dueCount(atNanoseconds: 1_500_000) // 2: messages 0 and 1
/// ```
public struct PacingSchedule: Sendable, Equatable {
    /// Messages per second.
    public let rate: Int
    /// How many messages the whole run sends.
    public let total: Int

    /// Creates a schedule.
    ///
    /// - Parameters:
    ///   - rate: Messages per second, at least 1.
    ///   - seconds: The length of the send phase.
    public init(rate: Int, seconds: Int) {
        precondition(rate > 0 && seconds >= 0, "a paced schedule needs a positive rate")
        self.rate = rate
        self.total = rate * seconds
    }

    /// How many messages are due at an instant: those whose due time is at or before it.
    ///
    /// - Parameters:
    ///   - elapsed: Nanoseconds since the send phase started.
    /// - Returns: From 1 (message 0 is due at once) to ``total``; 0 for an empty run.
    public func dueCount(atNanoseconds elapsed: UInt64) -> Int {
        guard self.total > 0 else {
            return 0
        }
        guard elapsed < self.dueTime(of: self.total - 1) else {
            return self.total
        }
        return Int(elapsed * UInt64(self.rate) / 1_000_000_000) + 1
    }

    /// When a message is due.
    ///
    /// - Parameters:
    ///   - index: The message's sequence number.
    /// - Returns: Nanoseconds after the start of the send phase.
    public func dueTime(of index: Int) -> UInt64 {
        UInt64(index) * 1_000_000_000 / UInt64(self.rate)
    }
}
