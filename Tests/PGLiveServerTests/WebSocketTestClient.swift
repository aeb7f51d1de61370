import NIOCore
import NIOPosix
import NIOSSL
import PostgresTestSupport
import STOMP

/// A raw WebSocket client for tests: the HTTP upgrade by hand, masked client frames, and
/// the server's messages with their opcodes, so tests see exactly what went over the wire.
final class WebSocketTestClient: Sendable {
    /// A message from the server.
    struct Message: Sendable {
        /// 1 for text, 2 for binary.
        let opcode: UInt8
        let payload: ByteBuffer
    }

    let channel: any Channel
    let inbox = ByteInbox()
    /// The upgrade response's head (status line and headers), lowercased.
    let responseHead: String

    /// Connects to `path` (`/stomp` by default) offering `subprotocols` (from a page of
    /// `origin`, if given; over TLS when given a context) and reads the upgrade's response
    /// head, whatever its status. `early` frames go out in the same write as the upgrade
    /// request, so they reach the server before it has finished upgrading.
    init(
        port: Int, subprotocols: [String], path: String = "/stomp", origin: String? = nil, tls: NIOSSLContext? = nil,
        early: [ByteBuffer] = []
    ) async throws {
        let inbox = self.inbox
        channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture { try channel.pipeline.syncOperations.addHandler(inbox, after: tls) }
            }
            .connect(host: "127.0.0.1", port: port).get()
        var request = "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
        request += "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
        if !subprotocols.isEmpty {
            request += "Sec-WebSocket-Protocol: \(subprotocols.joined(separator: ", "))\r\n"
        }
        if let origin {
            request += "Origin: \(origin)\r\n"
        }
        var bytes = ByteBuffer(string: request + "\r\n")
        for frame in early {
            bytes.writeImmutableBuffer(frame)
        }
        try await channel.writeAndFlush(bytes).get()
        var head: String?
        try await Deadline.waitUntil("the upgrade response") {
            head = inbox.consume { bytes in
                let text = String(buffer: bytes)
                guard let end = text.range(of: "\r\n\r\n") else { return nil }
                bytes.moveReaderIndex(forwardBy: text.utf8.distance(from: text.startIndex, to: end.upperBound))
                return String(text[..<end.lowerBound]).lowercased()
            }
            return head != nil || inbox.isClosed
        }
        guard let head else {
            throw ClosedBeforeUpgrade()
        }
        responseHead = head
    }

    /// The server closed the connection without answering the upgrade request.
    struct ClosedBeforeUpgrade: Error, CustomStringConvertible {
        var description: String { "the server closed the connection without answering the upgrade request" }
    }

    /// Sends one masked WebSocket message.
    func send(_ payload: String, opcode: UInt8 = 1) async throws {
        try await self.send(bytes: Array(payload.utf8), opcode: opcode)
    }

    /// Sends one masked WebSocket frame of any bytes (binary by default; `fin: false`
    /// for a fragment that a continuation frame completes).
    func send(bytes: [UInt8], opcode: UInt8 = 2, fin: Bool = true) async throws {
        try await channel.writeAndFlush(Self.frame(bytes: bytes, opcode: opcode, fin: fin)).get()
    }

    /// One masked client frame.
    static func frame(bytes: [UInt8], opcode: UInt8 = 2, fin: Bool = true) -> ByteBuffer {
        var frame = ByteBuffer()
        frame.writeInteger((fin ? 0x80 : 0) | opcode)
        if bytes.count < 126 {
            frame.writeInteger(UInt8(0x80 | bytes.count))
        } else if bytes.count <= Int(UInt16.max) {
            frame.writeInteger(UInt8(0x80 | 126))
            frame.writeInteger(UInt16(bytes.count))
        } else {
            frame.writeInteger(UInt8(0x80 | 127))
            frame.writeInteger(UInt64(bytes.count))
        }
        let mask: [UInt8] = [0x12, 0x34, 0x56, 0x78]
        frame.writeBytes(mask)
        frame.writeBytes(bytes.enumerated().map { $0.element ^ mask[$0.offset % 4] })
        return frame
    }

    /// Waits for the server's next message and parses it as one STOMP frame.
    func nextFrame() async throws -> STOMPFrame {
        var parser = STOMPParser(version: .v1_2)
        let message = try await next()
        guard case .frame(let frame)? = try parser.feed(message.payload).first else {
            throw Unparsable(opcode: message.opcode, payload: String(buffer: message.payload))
        }
        return frame
    }

    /// A message that is not a STOMP frame.
    struct Unparsable: Error {
        let opcode: UInt8
        let payload: String
    }

    /// Waits until the server closed the connection, for up to `timeout`.
    func waitClosed(timeout: Duration = .seconds(60)) async throws {
        try await Deadline.waitUntil("the server to close the WebSocket connection", timeout: timeout) { inbox.isClosed }
    }

    /// Waits for the server's next message.
    func next() async throws -> Message {
        var message: Message?
        try await Deadline.waitUntil("a WebSocket message") {
            message = inbox.consume(Self.takeFrame)
            return message != nil
        }
        return message!
    }

    /// Takes one unmasked server frame from the front of `bytes`.
    private static func takeFrame(_ bytes: inout ByteBuffer) -> Message? {
        guard let first = bytes.readInteger(as: UInt8.self), let second = bytes.readInteger(as: UInt8.self) else { return nil }
        var length = Int(second & 0x7F)
        if length == 126 {
            guard let extended = bytes.readInteger(as: UInt16.self) else { return nil }
            length = Int(extended)
        } else if length == 127 {
            guard let extended = bytes.readInteger(as: UInt64.self) else { return nil }
            length = Int(extended)
        }
        guard let payload = bytes.readSlice(length: length) else { return nil }
        return Message(opcode: first & 0x0F, payload: payload)
    }
}
