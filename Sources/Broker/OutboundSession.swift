import NIOCore
import STOMP

/// What the broker keeps for one session: its version, its subscriptions, the queue its
/// owner drains, and the budget shared by that queue and the session's parked messages.
struct OutboundSession: Sendable {
    /// The session's negotiated version.
    let version: STOMPVersion
    /// Its subscription ids, oldest first.
    var subscriptionIDs: [String] = []
    /// Frames ready for the socket, oldest first. Room for one to start with: most sessions
    /// are idle most of the time, and each slot held costs memory in every one of them.
    private(set) var queue = CircularBuffer<Delivery>(initialCapacity: 1)
    /// Bytes in ``queue``.
    private(set) var queuedBytes = 0
    /// Frames parked in the session's subscriptions.
    private(set) var parkedFrames = 0
    /// Bytes parked in the session's subscriptions.
    private(set) var parkedBytes = 0
    /// Whether a subscription of the session may have an open gap: set when one loses a
    /// message, cleared once no gap is left, so draining skips the search otherwise.
    var mayHaveGaps = false

    /// Creates the state of a new session.
    ///
    /// - Parameters:
    ///   - version: The session's negotiated version.
    init(version: STOMPVersion) {
        self.version = version
    }

    /// Frames the session holds, queued and parked.
    var heldFrames: Int {
        self.queue.count + self.parkedFrames
    }

    /// Whether the budget takes one more frame; a session holding nothing takes any frame.
    ///
    /// - Parameters:
    ///   - delivery: The frame.
    ///   - configuration: The broker's limits.
    func hasRoom(for delivery: Delivery, within configuration: Broker.Configuration) -> Bool {
        guard self.heldFrames > 0 else {
            return true
        }
        return self.heldFrames < configuration.maxQueuedFrames
            && self.queuedBytes + self.parkedBytes + delivery.byteCount <= configuration.maxQueuedBytes
    }

    /// Appends a frame to the queue.
    ///
    /// - Parameters:
    ///   - delivery: The frame.
    /// - Returns: Whether the queue was empty, so the owner must be told to drain it.
    mutating func enqueue(_ delivery: Delivery) -> Bool {
        let wasEmpty = self.queue.isEmpty
        self.queue.append(delivery)
        self.queuedBytes += delivery.byteCount
        return wasEmpty
    }

    /// Counts a frame parked in one of the session's subscriptions.
    ///
    /// - Parameters:
    ///   - delivery: The frame.
    mutating func park(_ delivery: Delivery) {
        self.parkedFrames += 1
        self.parkedBytes += delivery.byteCount
    }

    /// Counts a frame taken out of one of the session's subscriptions.
    ///
    /// - Parameters:
    ///   - delivery: The frame.
    mutating func unpark(_ delivery: Delivery) {
        self.parkedFrames -= 1
        self.parkedBytes -= delivery.byteCount
    }

    /// Takes frames from the front of the queue.
    ///
    /// - Parameters:
    ///   - maxBytes: The most bytes to take; the first frame is taken whatever its size.
    /// - Returns: The frames, and whether frames remain queued.
    mutating func take(maxBytes: Int) -> (frames: [Delivery], hasMore: Bool) {
        var taken: [Delivery] = []
        var bytes = 0
        while let next = self.queue.first, taken.isEmpty || bytes + next.byteCount <= maxBytes {
            self.queue.removeFirst()
            self.queuedBytes -= next.byteCount
            bytes += next.byteCount
            taken.append(next)
        }
        return (taken, !self.queue.isEmpty)
    }

    /// Removes the queued frames of one subscription.
    ///
    /// - Parameters:
    ///   - subscription: The subscription id.
    mutating func removeQueued(of subscription: String) {
        self.queue.removeAll { $0.subscription == subscription }
        self.queuedBytes = self.queue.reduce(0) { $0 + $1.byteCount }
    }
}
