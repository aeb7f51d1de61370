import ChangeFeed
import Foundation
import STOMP

extension ResumePoint {
    /// Where a `SUBSCRIBE` asks to start: its `from-position` (a position or `earliest`) or
    /// `from-time` (RFC 3339); `nil` for live events only.
    ///
    /// - Parameters:
    ///   - subscription: The client's subscription.
    /// - Throws: ``ServerError/invalidResumePoint(header:value:)`` or ``ServerError/conflictingResumePoints``.
    init?(_ subscription: STOMPSession.Subscription) throws(ServerError) {
        switch (subscription.fromPosition, subscription.fromTime) {
        case (nil, nil):
            return nil
        case (.some, .some):
            throw .conflictingResumePoints
        case (.some(let value), nil):
            if value == "earliest" {
                self = .earliest
            } else if let position = Int64(value), position >= 0 {
                self = .after(position)
            } else {
                throw .invalidResumePoint(header: "from-position", value: value)
            }
        case (nil, .some(let value)):
            guard let time = RFC3339Time.parse(value) else {
                throw .invalidResumePoint(header: "from-time", value: value)
            }
            self = .time(time)
        }
    }
}
