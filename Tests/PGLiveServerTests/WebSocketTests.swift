import NIOCore
import NIOPosix
import PostgresTestSupport
import STOMP
import Testing

/// STOMP over WebSocket at `/stomp`, checked on the wire.
@Suite(.serialized) struct WebSocketTests {
    @Test func theUpgradeEchoesTheFirstOfferedStompSubprotocolAndNoneWhenNoneIsOffered() async throws {
        let server = try await TestServer.strict.value
        let offered = try await WebSocketTestClient(port: server.httpPort, subprotocols: ["chat", "v11.stomp", "v12.stomp"])
        #expect(offered.responseHead.hasPrefix("http/1.1 101"))
        #expect(offered.responseHead.contains("sec-websocket-protocol: v11.stomp"))
        let plain = try await WebSocketTestClient(port: server.httpPort, subprotocols: [])
        #expect(plain.responseHead.hasPrefix("http/1.1 101"))
        #expect(!plain.responseHead.contains("sec-websocket-protocol"))
    }

    @Test func aSplitConnectASubscriptionAndASendRoundTripOneFramePerMessage() async throws {
        let server = try await TestServer.strict.value
        try await server.sql("SELECT pglive.create_topic('ws.chat')")
        let client = try await WebSocketTestClient(port: server.httpPort, subprotocols: ["v12.stomp"])
        try await client.send("CONNECT\naccept-version:1.2\nlogin:alice\n")
        try await client.send("passcode:secret\n\n\0")
        #expect(String(buffer: try await client.next().payload).hasPrefix("CONNECTED\n"))
        try await client.send("SUBSCRIBE\ndestination:/topic/ws.chat\nid:0\nreceipt:r\n\n\0")
        #expect(String(buffer: try await client.next().payload).hasPrefix("RECEIPT\nreceipt-id:r\n"))

        try await client.send("SEND\ndestination:/topic/ws.chat\ncontent-type:text/plain\n\nhello\0")

        let text = try await client.next()
        #expect(text.opcode == 1)
        var parser = STOMPParser(version: .v1_2)
        let frame = try #require(try parser.feed(text.payload).first)
        guard case .frame(let message) = frame else {
            Issue.record("expected a frame")
            return
        }
        #expect(message.command == .message)
        #expect(String(buffer: message.body) == "hello")
    }

    @Test func aOneMegabyteSendArrivesWholeInOneMessage() async throws {
        let server = try await TestServer.strict.value
        try await server.sql("SELECT pglive.create_topic('ws.large')")
        let client = try await WebSocketTestClient(port: server.httpPort, subprotocols: ["v12.stomp"])
        try await client.send("CONNECT\naccept-version:1.2\nlogin:alice\npasscode:secret\n\n\0")
        _ = try await client.next()
        try await client.send("SUBSCRIBE\ndestination:/topic/ws.large\nid:0\nreceipt:r\n\n\0")
        _ = try await client.next()
        let body = String(repeating: "a", count: 1 << 20)

        try await client.send("SEND\ndestination:/topic/ws.large\ncontent-type:text/plain\n\n\(body)\0")

        let message = try await client.next()
        var parser = STOMPParser(version: .v1_2)
        guard case .frame(let frame) = try #require(try parser.feed(message.payload).first) else {
            Issue.record("expected a frame")
            return
        }
        #expect(frame.command == .message)
        #expect(frame.body.readableBytes == 1 << 20)
        #expect(frame.headers["content-length"] == "\(1 << 20)")
    }

    @Test func aBodyThatIsNotUTF8GoesOutAsABinaryMessage() async throws {
        let server = try await TestServer.strict.value
        try await server.sql("SELECT pglive.create_topic('ws.bytes')")
        try await server.sql("SELECT pglive.publish('ws.bytes', '\\xff00fe'::bytea, 'application/octet-stream')")
        let client = try await WebSocketTestClient(port: server.httpPort, subprotocols: ["v12.stomp"])
        try await client.send("CONNECT\naccept-version:1.2\nlogin:alice\npasscode:secret\n\n\0")
        _ = try await client.next()
        try await client.send("SUBSCRIBE\ndestination:/topic/ws.bytes\nid:0\nfrom-position:earliest\n\n\0")
        let binary = try await client.next()
        #expect(binary.opcode == 2)
        #expect(binary.payload.readableBytesView.suffix(4).elementsEqual([0xFF, 0x00, 0xFE, 0x00]))
    }

    @Test func healthzAnswersOK() async throws {
        let server = try await TestServer.strict.value
        let inbox = ByteInbox()
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture { try channel.pipeline.syncOperations.addHandler(inbox) }
            }
            .connect(host: "127.0.0.1", port: server.httpPort).get()
        try await channel.writeAndFlush(ByteBuffer(string: "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")).get()
        try await Deadline.waitUntil("the health answer") { inbox.text.contains(#"{"status":"ok"}"#) }
        #expect(inbox.text.hasPrefix("HTTP/1.1 200"))
        #expect(inbox.text.lowercased().contains("content-type: application/json"))
    }
}
