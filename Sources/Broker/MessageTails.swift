import NIOCore
import STOMP

/// The shared part of one event's `MESSAGE` frames, encoded at most once per STOMP version
/// and only for versions some subscriber uses.
struct MessageTails {
    /// The event.
    let event: BrokerEvent
    /// The event's position as decimal text, for the heads.
    let position: String
    /// How many tails were encoded.
    private(set) var encodings = 0
    /// The encoded tails, one slot per version (see `slot(of:)`).
    private var tails: [ByteBuffer?] = Array(repeating: nil, count: STOMPVersion.allCases.count)

    /// Prepares the tails of an event; nothing is encoded yet.
    ///
    /// - Parameters:
    ///   - event: The event.
    init(event: BrokerEvent) {
        self.event = event
        self.position = String(event.position)
    }

    /// The tail for a version, encoded on first use.
    ///
    /// - Parameters:
    ///   - version: The subscriber's session version.
    mutating func tail(for version: STOMPVersion) -> ByteBuffer {
        let slot = Self.slot(of: version)
        if let tail = self.tails[slot] {
            return tail
        }
        let tail = Self.encode(self.event, version: version)
        self.encodings += 1
        self.tails[slot] = tail
        return tail
    }

    private static func slot(of version: STOMPVersion) -> Int {
        switch version {
        case .v1_0: 0
        case .v1_1: 1
        case .v1_2: 2
        }
    }

    /// The shared headers, the blank line, the body and the NUL, escaped for `version` as
    /// `STOMPFrame.encode(version:into:)` escapes a `MESSAGE`.
    private static func encode(_ event: BrokerEvent, version: STOMPVersion) -> ByteBuffer {
        let escaping = HeaderEscaping(version: version, command: .message)
        let headers = event.sharedMessageHeaders
        var tail = ByteBuffer()
        tail.reserveCapacity(headers.reduce(2) { $0 + $1.name.utf8.count + $1.value.utf8.count + 2 } + event.body.readableBytes)
        for (name, value) in headers {
            STOMPFrame.writeHeader(name: name, value: value, escaping: escaping, into: &tail)
        }
        tail.writeInteger(UInt8(ascii: "\n"))
        tail.writeImmutableBuffer(event.body)
        tail.writeInteger(UInt8(0))
        return tail
    }
}
