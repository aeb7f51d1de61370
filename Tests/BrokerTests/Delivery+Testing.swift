import Broker
import NIOCore

extension Delivery {
    /// The frame's bytes: head then tail.
    var bytes: [UInt8] {
        Array(self.head.readableBytesView) + Array(self.tail.readableBytesView)
    }

    /// The `message-id` header as written (escaped).
    var messageID: Substring? {
        String(buffer: self.head).split(separator: "\n").first { $0.hasPrefix("message-id:") }?.dropFirst(11)
    }

    /// The frame as text, for frames with UTF-8 bodies.
    var text: String {
        String(decoding: self.bytes, as: UTF8.self)
    }
}
