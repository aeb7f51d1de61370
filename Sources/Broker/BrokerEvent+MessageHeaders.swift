import NIOCore
import STOMP

extension BrokerEvent {
    /// The `MESSAGE` headers every subscriber of the event shares, in wire order:
    /// `destination`, `content-type`, `content-length`, `position`, `op`, `committed-at`,
    /// then the user headers.
    ///
    /// - Parameters:
    ///   - body: The body the frames carry: ``body`` or ``bodyWithOldRow``.
    func sharedMessageHeaders(body: ByteBuffer) -> STOMPHeaders {
        var headers: STOMPHeaders = [
            "destination": self.topic.destination,
            "content-type": self.contentType,
            "content-length": String(body.readableBytes),
            "position": String(self.position),
            "op": self.operation.rawValue,
            "committed-at": self.committedAt,
        ]
        for (name, value) in self.headers {
            headers.add(name: name, value: value)
        }
        return headers
    }
}
