extension Broker {
    /// Fans an event out to every subscription of its topic that accepts it, queueing one
    /// `MESSAGE` per subscription in its session's queue.
    ///
    /// Each subscription skips events at or before its last position and those its filter
    /// refuses. The shared tail is encoded once per STOMP version in use; each subscriber
    /// gets only its own small head. A `client` subscription at its unacknowledged limit
    /// parks the message; a session past its budget meets the
    /// ``Configuration/slowConsumerPolicy``.
    ///
    /// ```swift
    /// for event in feed { perform(broker.publish(event)) }
    /// ```
    ///
    /// - Parameters:
    ///   - event: The event; events come in position order.
    /// - Returns: ``Action/drain(session:)`` for each session whose queue was empty, and
    ///   ``Action/disconnect(session:_:)`` for each session dropped as a slow consumer.
    public mutating func publish(_ event: BrokerEvent) -> [Action] {
        self.metrics.eventsPublished += 1
        guard let keys = self.subscribers[event.topic] else {
            return []
        }
        var tails = MessageTails(event: event)
        var actions: [Action] = []
        for key in keys {
            guard self.subscriptions[key]?.accepts(event) == true else {
                continue
            }
            actions += self.deliver(event, to: key, tails: &tails)
        }
        self.metrics.sharedEncodings += tails.encodings
        return actions
    }

    /// Queues, parks or drops one event for one subscription.
    mutating func deliver(_ event: BrokerEvent, to key: SubscriptionKey, tails: inout MessageTails) -> [Action] {
        guard let version = self.sessions[key.session]?.version else {
            return []
        }
        if self.subscriptions[key]?.gap != nil {
            self.subscriptions[key]?.gap?.extend(to: event.position)
            self.metrics.droppedMessages += 1
            return []
        }
        guard let head = self.subscriptions[key]?.head, let withOldRow = self.subscriptions[key]?.includesOldRow else {
            return []
        }
        let delivery = head.delivery(position: tails.position, tail: tails.tail(for: version, withOldRow: withOldRow))
        guard self.sessions[key.session]?.hasRoom(for: delivery, within: self.configuration) == true else {
            return self.overflow(key, position: event.position)
        }
        return self.route(delivery, to: key)
    }

    /// Queues a message of a subscription, or parks it behind the subscription's credit.
    ///
    /// - Returns: ``Action/drain(session:)`` when the session's queue was empty.
    mutating func route(_ delivery: Delivery, to key: SubscriptionKey) -> [Action] {
        guard let ready = self.subscriptions[key]?.route(delivery) else {
            self.sessions[key.session]?.park(delivery)
            return []
        }
        return self.sessions[key.session]?.enqueue(ready) == true ? [.drain(session: key.session)] : []
    }
}
