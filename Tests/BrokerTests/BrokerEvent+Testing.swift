import Broker
import NIOCore
import STOMP

extension BrokerEvent {
    /// An `INSERT` on `topic` at `position` with body `{"n":<position>}` and no user headers.
    static func row(
        _ topic: Topic = .orders,
        _ position: Int64,
        operation: Operation = .insert,
        headers: STOMPHeaders = [:],
        body: ByteBuffer? = nil
    ) -> BrokerEvent {
        BrokerEvent(
            topic: topic,
            position: position,
            operation: operation,
            committedAt: "2025-01-31T12:00:00.000001Z",
            headers: headers,
            body: body ?? ByteBuffer(string: #"{"n":\#(position)}"#)
        )
    }

    /// The frame a subscription must receive for this event, built with `STOMPFrame` as the
    /// reference: per-subscriber headers, then the shared ones, then the user headers.
    func expectedFrame(subscription: String, ackMode: STOMPSession.AckMode = .auto, version: STOMPVersion) -> STOMPFrame {
        let messageID = "\(self.position)-\(subscription)"
        var headers: STOMPHeaders = ["subscription": subscription, "message-id": messageID]
        if ackMode != .auto, version == .v1_2 {
            headers.add(name: "ack", value: messageID)
        }
        headers.add(name: "destination", value: "/topic/\(self.topic.name)")
        headers.add(name: "content-type", value: self.contentType)
        headers.add(name: "content-length", value: "?")
        headers.add(name: "position", value: String(self.position))
        headers.add(name: "op", value: self.operation.rawValue)
        headers.add(name: "committed-at", value: self.committedAt)
        for (name, value) in self.headers {
            headers.add(name: name, value: value)
        }
        return STOMPFrame(.message, headers: headers, body: self.body)
    }

    /// The reference frame's bytes, encoded by `STOMPFrame.encode(version:into:)`.
    func expectedBytes(subscription: String, ackMode: STOMPSession.AckMode = .auto, version: STOMPVersion) -> [UInt8] {
        self.expectedFrame(subscription: subscription, ackMode: ackMode, version: version).encoded(version: version)
    }
}
