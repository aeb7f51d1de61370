import Broker

extension Broker.Drain {
    /// The drained frames, in order, as the transports write them.
    var frames: [OutboundFrame] {
        self.deliveries.map { OutboundFrame(head: $0.head, tail: $0.tail) }
    }

    /// The drained messages that need an `ACK`, as (subscription, ack id): the session must
    /// know them before the client can acknowledge them.
    var acknowledgeable: [(subscription: String, ackID: String)] {
        self.deliveries.compactMap { delivery in delivery.ackID.map { (delivery.subscription, $0) } }
    }
}
