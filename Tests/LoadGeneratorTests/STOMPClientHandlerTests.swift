import NIOConcurrencyHelpers
import NIOCore
import NIOEmbedded
import NIOWebSocket
import STOMP
import Testing

@testable import LoadGenerator

@Suite("STOMP client handler")
struct STOMPClientHandlerTests {
    static func message(sequence: UInt64) -> ByteBuffer {
        var body = ByteBuffer()
        BenchPayload(sequence: sequence, sentAt: 0).encode(into: &body)
        var wire = ByteBuffer()
        STOMPFrame(.message, headers: ["destination": "/topic/bench", "subscription": "0"], body: body)
            .encode(version: .v1_2, into: &wire)
        return wire
    }

    static func webSocketMessage(_ data: ByteBuffer) -> WebSocketFrame {
        WebSocketFrame(fin: true, opcode: .text, data: data)
    }

    @Test("counts frames batched in one WebSocket message and split over two")
    func batchedAndSplit() throws {
        let deliveries = NIOLockedValueBox(0)
        let tally = SubscriberTally(deliveries: deliveries)
        let channel = EmbeddedChannel(handler: STOMPClientHandler(tally: tally))
        var two = Self.message(sequence: 0)
        two.writeString("\n")  // a heart-beat between frames
        var second = Self.message(sequence: 1)
        two.writeBuffer(&second)
        try channel.writeInbound(Self.webSocketMessage(two))
        var split = Self.message(sequence: 2)
        let head = split.readSlice(length: 10)!
        try channel.writeInbound(Self.webSocketMessage(head))
        #expect(tally.snapshot.delivered == 2)
        try channel.writeInbound(Self.webSocketMessage(split))
        #expect(tally.snapshot.delivered == 3)
        try channel.writeInbound(Self.webSocketMessage(Self.message(sequence: 2)))
        #expect(tally.snapshot.duplicates == 1)
        #expect(deliveries.withLockedValue { $0 } == 3)
        _ = try channel.finish(acceptAlreadyClosed: true)
    }

    @Test("outbound frames are masked; CONNECTED answers the CONNECT request")
    func maskedHandshake() throws {
        let handler = STOMPClientHandler(tally: nil)
        let channel = EmbeddedChannel(handler: handler)
        let connected = handler.request(
            STOMPFrame(.connect, headers: ["accept-version": "1.2"]), awaiting: STOMPClientHandler.connectedKey,
            timeout: .seconds(5))
        let sent = try #require(try channel.readOutbound(as: WebSocketFrame.self))
        #expect(sent.maskKey != nil)
        // NIO's WebSocketFrameEncoder applies `maskKey` to `data` on the wire.
        #expect(String(buffer: sent.data).hasPrefix("CONNECT\naccept-version:1.2\n"))
        var reply = ByteBuffer()
        STOMPFrame(.connected, headers: ["version": "1.2"]).encode(version: .v1_2, into: &reply)
        try channel.writeInbound(Self.webSocketMessage(reply))
        try connected.wait()
        _ = try channel.finish(acceptAlreadyClosed: true)
    }

    @Test("an ERROR frame fails the waiting request with the broker's message")
    func brokerError() throws {
        let handler = STOMPClientHandler(tally: nil)
        let channel = EmbeddedChannel(handler: handler)
        let subscribed = handler.request(
            STOMPFrame(.subscribe, headers: ["id": "0", "destination": "/topic/x", "receipt": "r"]), awaiting: "r",
            timeout: .seconds(5))
        var reply = ByteBuffer()
        STOMPFrame(.error, headers: ["message": "not_found"]).encode(version: .v1_2, into: &reply)
        try channel.writeInbound(Self.webSocketMessage(reply))
        #expect(throws: LoadGeneratorError.brokerError(message: "not_found")) { try subscribed.wait() }
        _ = try channel.finish(acceptAlreadyClosed: true)
    }
}
