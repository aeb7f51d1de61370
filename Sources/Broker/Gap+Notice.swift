import NIOCore
import STOMP

extension Gap {
    /// The `MESSAGE` frame that tells a subscription what it lost, entirely in the head.
    ///
    /// Its `message-id`, `gap-<first>-<last>-<id>`, starts with a letter, so it never equals
    /// an event's `<position>-<id>`; gaps of one subscription never overlap. It has no
    /// `position` (a client tracking positions must not take it as seen), no body and no
    /// `ack`: it needs no acknowledgement.
    ///
    /// - Parameters:
    ///   - subscription: The subscription id.
    ///   - topic: The subscription's topic.
    ///   - version: The session's version.
    func notice(subscription: String, topic: Topic, version: STOMPVersion) -> Delivery {
        let frame = STOMPFrame(
            .message,
            headers: [
                "subscription": subscription,
                "message-id": "gap-\(self.first)-\(self.last)-\(subscription)",
                "destination": topic.destination,
                "gap": "true",
                "gap-first-position": String(self.first),
                "gap-last-position": String(self.last),
                "gap-dropped": String(self.dropped),
            ]
        )
        var head = ByteBuffer()
        frame.encode(version: version, into: &head)
        return Delivery(head: head, tail: ByteBuffer(), subscription: subscription, ackID: nil)
    }
}
