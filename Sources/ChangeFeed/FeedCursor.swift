import PostgresLibPQ

/// Where the live feed stands, and the rules that keep it from skipping or repeating.
///
/// A plain value: the feed asks it whether a listener event calls for a read, and
/// passes every batch it read through ``accept(_:)``, which keeps only events past the
/// last delivered position, in order.
public struct FeedCursor: Sendable, Equatable {
    /// The position of the last event delivered.
    public private(set) var lastDelivered: Int64

    /// Creates a cursor that delivers events after `position`.
    /// - Parameter position: the last position already delivered (or skipped on purpose).
    public init(after position: Int64) {
        lastDelivered = position
    }

    /// Whether a listener event means new events may be waiting.
    ///
    /// A (re)connection always does: notifications sent while the listener was away
    /// are lost. A notification carries the last position of its transaction; one at or
    /// below ``lastDelivered`` was already covered by an earlier read.
    /// - Parameter event: what the listener reported.
    public func shouldRead(after event: PostgresListenerEvent) -> Bool {
        switch event {
        case .connected:
            return true
        case .notification(let notification):
            return Int64(notification.payload).map { $0 > lastDelivered } ?? true
        case .disconnected:
            return false
        }
    }

    /// Keeps the events of a batch that come after ``lastDelivered``, in order, and
    /// advances past them.
    /// - Parameter batch: events read from the log in position order.
    /// - Returns: the events to deliver.
    public mutating func accept(_ batch: [LoggedEvent]) -> [LoggedEvent] {
        var fresh: [LoggedEvent] = []
        fresh.reserveCapacity(batch.count)
        for event in batch where event.position > lastDelivered {
            fresh.append(event)
            lastDelivered = event.position
        }
        return fresh
    }
}
