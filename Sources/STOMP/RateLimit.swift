/// A rate limit as a token bucket: `perSecond` tokens flow in each second, at most `burst`
/// wait, and each counted event takes one.
///
/// ```swift
/// let limit = RateLimit(perSecond: 100, burst: 200)
/// ```
public struct RateLimit: Sendable, Hashable {
    /// The sustained rate: events per second.
    public var perSecond: Int
    /// The most events allowed at once after a quiet spell.
    public var burst: Int

    /// Creates a limit; both values are at least 1.
    ///
    /// - Parameters:
    ///   - perSecond: Events per second, sustained.
    ///   - burst: Events allowed at once.
    public init(perSecond: Int, burst: Int) {
        self.perSecond = max(1, perSecond)
        self.burst = max(1, burst)
    }
}
