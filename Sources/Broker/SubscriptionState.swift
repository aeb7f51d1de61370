import NIOCore
import STOMP

/// What the broker keeps for one subscription: its filter, its position, its credit of
/// unacknowledged messages, the messages parked behind that credit, and its gap.
struct SubscriptionState: Sendable {
    /// The topic it listens to.
    let topic: Topic
    /// Which events it receives; all when `nil`.
    let filter: (any EventFilter)?
    /// Its prepared `MESSAGE` head.
    let head: MessageHead
    /// Whether row bodies carry the old row (``Broker/Subscription/includesOldRow``).
    let includesOldRow: Bool
    /// The most messages queued or delivered without an acknowledgement (`client` modes).
    let maxUnacked: Int
    /// The last position it considered; later events must come after it.
    private(set) var lastPosition: Int64
    /// Messages queued or delivered that need an acknowledgement and have none yet.
    private(set) var unacked = 0
    /// Messages waiting for credit, oldest first; room for one to start with, as a session's queue.
    private(set) var parked = CircularBuffer<Delivery>(initialCapacity: 1)
    /// The messages lost since the last delivered one; messages are dropped while it is open.
    var gap: Gap?
    /// Whether the owner is still replaying the log to it: live events pass it by until
    /// ``Broker/endReplay(session:subscription:through:)``.
    private(set) var isReplaying: Bool

    /// Creates the state of a new subscription.
    ///
    /// - Parameters:
    ///   - subscription: The subscription.
    ///   - version: Its session's version.
    init(_ subscription: Broker.Subscription, version: STOMPVersion) {
        self.topic = subscription.topic
        self.filter = subscription.filter
        self.head = MessageHead(subscription: subscription.id, version: version, ackMode: subscription.ackMode)
        self.includesOldRow = subscription.includesOldRow
        self.maxUnacked = subscription.maxUnackedMessages
        self.lastPosition = subscription.startAfter ?? .min
        self.isReplaying = subscription.isReplaying
    }

    /// What ``offer(_:replayed:version:tails:)`` decided for an event.
    enum Offer {
        /// The subscription does not take the event: seen already, refused by its filter,
        /// or live while it replays (or the reverse).
        case refused
        /// The event fell into the subscription's open gap.
        case dropped
        /// The subscription's message for the event, to queue or park.
        case message(Delivery)
    }

    /// Offers the subscription an event, in place: it must come after every event it
    /// considered (which skips the replay seam) and pass the filter; while a gap is open
    /// the event only extends it.
    ///
    /// - Parameters:
    ///   - event: An event of the subscription's topic.
    ///   - replayed: Whether the event comes from a replay of the log.
    ///   - version: The session's version.
    ///   - tails: The event's shared tails.
    mutating func offer(_ event: BrokerEvent, replayed: Bool, version: STOMPVersion, tails: inout MessageTails) -> Offer {
        guard replayed == self.isReplaying, event.position > self.lastPosition else {
            return .refused
        }
        self.lastPosition = event.position
        guard self.filter?.matches(event) ?? true else {
            return .refused
        }
        guard self.gap == nil else {
            self.gap?.extend(to: event.position)
            return .dropped
        }
        return .message(self.head.delivery(position: tails.position, tail: tails.tail(for: version, withOldRow: self.includesOldRow)))
    }

    /// Closes the subscription's gap once nothing of it is parked: the notice to queue, or
    /// `nil` when there is no gap or it must wait for the parked messages.
    ///
    /// - Parameters:
    ///   - id: The subscription id.
    ///   - version: The session's version.
    mutating func closeGap(id: String, version: STOMPVersion) -> Delivery? {
        guard let gap = self.gap, self.parked.isEmpty else {
            return nil
        }
        self.gap = nil
        return gap.notice(subscription: id, topic: self.topic, version: version)
    }

    /// Ends the replay: live events after `position` (and after every replayed one) reach
    /// it from now on.
    mutating func endReplay(through position: Int64) {
        self.isReplaying = false
        self.lastPosition = max(self.lastPosition, position)
    }

    /// Takes a message for the subscription: returns it when it may be queued now, or
    /// parks it behind earlier parked ones or until credit returns.
    ///
    /// - Parameters:
    ///   - delivery: The message.
    mutating func route(_ delivery: Delivery) -> Delivery? {
        guard self.parked.isEmpty, self.hasCredit(for: delivery) else {
            self.parked.append(delivery)
            return nil
        }
        self.charge(delivery)
        return delivery
    }

    /// Returns credit for settled messages.
    ///
    /// - Parameters:
    ///   - count: How many messages the client acknowledged or refused.
    /// - Returns: The parked messages that may now be queued, oldest first.
    mutating func settle(_ count: Int) -> [Delivery] {
        self.unacked = max(0, self.unacked - count)
        var released: [Delivery] = []
        while let next = self.parked.first, self.hasCredit(for: next) {
            self.charge(self.parked.removeFirst())
            released.append(next)
        }
        return released
    }

    private func hasCredit(for delivery: Delivery) -> Bool {
        delivery.ackID == nil || self.unacked < self.maxUnacked
    }

    private mutating func charge(_ delivery: Delivery) {
        if delivery.ackID != nil {
            self.unacked += 1
        }
    }
}
