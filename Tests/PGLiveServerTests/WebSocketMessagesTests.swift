import NIOCore
@testable import PGLiveServer
import Testing

/// STOMP frames as the server's WebSocket messages: headers, lengths, text or binary.
@Suite struct WebSocketMessagesTests {
    @Test func aBatchIsOneFinalUnmaskedFramePerSTOMPFrameWithTheShortestLength() throws {
        let frames = [
            OutboundFrame(head: ByteBuffer(string: "MESSAGE\n"), tail: ByteBuffer(string: "\n{}\u{0}")),
            OutboundFrame(head: ByteBuffer(string: String(repeating: "a", count: 125)), tail: nil),
            OutboundFrame(head: ByteBuffer(string: String(repeating: "b", count: 126)), tail: nil),
            OutboundFrame(head: ByteBuffer(string: "MESSAGE\n"), tail: ByteBuffer(bytes: [0xFF] + [UInt8](repeating: 0x63, count: 70_000))),
        ]
        var bytes = WebSocketMessages.encode(frames, allocator: ByteBufferAllocator())
        var messages: [(firstByte: UInt8, payload: [UInt8])] = []
        while bytes.readableBytes > 0 {
            let first = try #require(Self.read(UInt8.self, from: &bytes))
            let short = try #require(Self.read(UInt8.self, from: &bytes))
            #expect(short & 0x80 == 0, "server frames are not masked")
            let length: Int
            switch short {
            case 126: length = Int(try #require(Self.read(UInt16.self, from: &bytes)))
            case 127: length = Int(try #require(Self.read(UInt64.self, from: &bytes)))
            default: length = Int(short)
            }
            let payload = bytes.readBytes(length: length)
            messages.append((first, try #require(payload)))
        }
        #expect(messages.map(\.firstByte) == [0x81, 0x81, 0x81, 0x82])
        #expect(messages.map(\.payload) == frames.map { frame in
            var whole = frame.head
            if var tail = frame.tail { whole.writeBuffer(&tail) }
            return Array(whole.readableBytesView)
        })
    }

    @Test func theLengthFormsAreTheShortestThatFit() {
        let lengths = [125, 126, 65_535, 65_536].map { count in
            let frame = OutboundFrame(head: ByteBuffer(repeating: 0x61, count: count), tail: nil)
            return WebSocketMessages.encode([frame], allocator: ByteBufferAllocator()).readableBytes - count
        }
        #expect(lengths == [2, 4, 4, 10])
    }

    private static func read<Integer: FixedWidthInteger>(_ type: Integer.Type, from bytes: inout ByteBuffer) -> Integer? {
        bytes.readInteger(as: type)
    }
}
