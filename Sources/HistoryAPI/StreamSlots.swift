import Synchronization

/// Counts the exports streaming at once and refuses one past the limit: each holds a
/// pooled database connection and a query for as long as its client reads, so without a
/// bound a handful of slow downloads would starve every page request.
///
/// ```swift
/// guard slots.take() else { throw HistoryError(.tooManyStreams, …) }
/// defer { slots.give() }
/// ```
final class StreamSlots: Sendable {
    /// The most streams at once; `nil` for no limit.
    let limit: Int?
    /// The streams running.
    private let running = Mutex(0)

    /// Creates the slots, all free.
    init(limit: Int?) {
        self.limit = limit
    }

    /// Takes a slot if one is free.
    /// - Returns: whether the stream may run; if so, ``give()`` once it ends.
    func take() -> Bool {
        let limit = self.limit
        return self.running.withLock { running in
            if let limit, running >= limit {
                return false
            }
            running += 1
            return true
        }
    }

    /// Gives back a slot taken by ``take()``.
    func give() {
        self.running.withLock { $0 -= 1 }
    }
}
