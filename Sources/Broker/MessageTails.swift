import NIOCore
import STOMP

/// The shared part of one event's `MESSAGE` frames, encoded at most once per STOMP version
/// and body form (the row, or the row with its old row), and only for those some
/// subscriber uses.
struct MessageTails {
    /// The event.
    let event: BrokerEvent
    /// The event's position as decimal text, for the heads.
    let position: String
    /// How many tails were encoded.
    private(set) var encodings = 0
    /// The encoded tails, one slot per version and body form (see `slot(of:withOldRow:)`).
    private var tails: [ByteBuffer?] = Array(repeating: nil, count: 2 * STOMPVersion.allCases.count)

    /// Prepares the tails of an event; nothing is encoded yet.
    ///
    /// - Parameters:
    ///   - event: The event.
    init(event: BrokerEvent) {
        self.event = event
        self.position = String(event.position)
    }

    /// The tail for a version and body form, encoded on first use.
    ///
    /// - Parameters:
    ///   - version: The subscriber's session version.
    ///   - withOldRow: Whether the subscriber asked for old rows (``BrokerEvent/bodyWithOldRow``).
    mutating func tail(for version: STOMPVersion, withOldRow: Bool) -> ByteBuffer {
        let withOldRow = withOldRow && self.event.operation != .event
        let slot = Self.slot(of: version, withOldRow: withOldRow)
        if let tail = self.tails[slot] {
            return tail
        }
        let body = withOldRow ? self.event.bodyWithOldRow : self.event.body
        let tail = Self.encode(self.event, body: body, version: version)
        self.encodings += 1
        self.tails[slot] = tail
        return tail
    }

    private static func slot(of version: STOMPVersion, withOldRow: Bool) -> Int {
        let form = withOldRow ? STOMPVersion.allCases.count : 0
        return switch version {
        case .v1_0: form
        case .v1_1: form + 1
        case .v1_2: form + 2
        }
    }

    /// The shared headers, the blank line, the body and the NUL, escaped for `version` as
    /// `STOMPFrame.encode(version:into:)` escapes a `MESSAGE`.
    private static func encode(_ event: BrokerEvent, body: ByteBuffer, version: STOMPVersion) -> ByteBuffer {
        let escaping = HeaderEscaping(version: version, command: .message)
        let headers = event.sharedMessageHeaders(body: body)
        var tail = ByteBuffer()
        tail.reserveCapacity(headers.reduce(2) { $0 + $1.name.utf8.count + $1.value.utf8.count + 2 } + body.readableBytes)
        for (name, value) in headers {
            STOMPFrame.writeHeader(name: name, value: value, escaping: escaping, into: &tail)
        }
        tail.writeInteger(UInt8(ascii: "\n"))
        tail.writeImmutableBuffer(body)
        tail.writeInteger(UInt8(0))
        return tail
    }
}
