import Broker
import STOMP

extension Broker {
    /// A broker knowing `orders` and `chat.lobby`.
    static func test(_ configuration: Configuration = Configuration()) -> Broker {
        Broker(catalog: TopicSet([.orders, .chat]), configuration: configuration)
    }

    /// Adds session `id` and subscriptions to it.
    mutating func add(_ id: String, version: STOMPVersion = .v1_2, _ subscriptions: Subscription...) throws {
        try self.addSession(id, version: version)
        for subscription in subscriptions {
            try self.subscribe(session: id, subscription)
        }
    }

    /// Drains a session completely.
    mutating func drainAll(_ session: String) -> [Delivery] {
        var drain = self.drain(session: session, maxBytes: .max)
        var deliveries = drain.deliveries
        while drain.hasMore {
            drain = self.drain(session: session, maxBytes: .max)
            deliveries += drain.deliveries
        }
        return deliveries
    }
}
