import NIOCore

/// The state of a ``RateLimit`` for one session: the tokens left and when they were counted.
///
/// It starts full. Time only comes in through ``take(now:)``, so it is as pure as the session.
///
/// ```swift
/// var bucket = TokenBucket(RateLimit(perSecond: 10, burst: 10))
/// guard bucket.take(now: now) else { throw .sendRateExceeded(limit) }
/// ```
struct TokenBucket: Sendable, Hashable {
    /// The limit it enforces.
    let limit: RateLimit
    /// The tokens left, in nanosecond units of a token (one token is 10^9), so refills are
    /// exact integers whatever the rate.
    private var nanotokens: Int64
    /// When the tokens were last counted; `nil` before the first event.
    private var counted: NIODeadline?

    /// A full bucket.
    ///
    /// - Parameters:
    ///   - limit: The rate and burst.
    init(_ limit: RateLimit) {
        self.limit = limit
        self.nanotokens = Int64(limit.burst) * Self.token
    }

    /// One token.
    private static let token: Int64 = 1_000_000_000

    /// Takes a token for an event at `now` if one is left.
    ///
    /// - Parameters:
    ///   - now: When the event happened; earlier times than a previous call count as that call's.
    /// - Returns: Whether the event is within the limit.
    mutating func take(now: NIODeadline) -> Bool {
        if let counted, now > counted {
            // perSecond nanotokens per nanosecond, saturating at the burst; the elapsed time
            // is capped at what fills an empty bucket, so the product cannot overflow.
            let capacity = Int64(self.limit.burst) * Self.token
            let elapsed = min((now - counted).nanoseconds, capacity / Int64(self.limit.perSecond) + 1)
            self.nanotokens = min(self.nanotokens + elapsed * Int64(self.limit.perSecond), capacity)
        }
        if self.counted.map({ now > $0 }) ?? true {
            self.counted = now
        }
        guard self.nanotokens >= Self.token else {
            return false
        }
        self.nanotokens -= Self.token
        return true
    }
}
