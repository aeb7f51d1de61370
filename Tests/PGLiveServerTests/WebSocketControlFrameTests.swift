import NIOCore
import PostgresTestSupport
import Testing

/// WebSocket frames at `/stomp` beyond whole data messages: control frames, fragments,
/// reserved opcodes, and frames that arrive before the upgrade is finished.
@Suite(.serialized) struct WebSocketControlFrameTests {
    static let connect = Array("CONNECT\naccept-version:1.2\nlogin:alice\npasscode:secret\n\n\0".utf8)

    /// A client whose session has connected.
    static func connectedClient() async throws -> WebSocketTestClient {
        let server = try await TestServer.strict.value
        let client = try await WebSocketTestClient(port: server.httpPort, subprotocols: ["v12.stomp"])
        try await client.send(bytes: Self.connect, opcode: 1)
        #expect(String(buffer: try await client.next().payload).hasPrefix("CONNECTED\n"))
        return client
    }

    @Test func aPingGetsAPongWithItsPayloadAndFragmentsOfOneMessageFormOneFrame() async throws {
        let server = try await TestServer.strict.value
        let client = try await WebSocketTestClient(port: server.httpPort, subprotocols: ["v12.stomp"])
        try await client.send(bytes: Array("are you there".utf8), opcode: 9)
        let pong = try await client.next()
        #expect(pong.opcode == 10)
        #expect(String(buffer: pong.payload) == "are you there")

        try await client.send(bytes: Array(Self.connect.prefix(20)), opcode: 1, fin: false)
        try await client.send(bytes: Array(Self.connect[20..<30]), opcode: 0, fin: false)
        try await client.send(bytes: Array(Self.connect.dropFirst(30)), opcode: 0, fin: true)
        #expect(String(buffer: try await client.next().payload).hasPrefix("CONNECTED\n"))
    }

    @Test func framesSentWithTheUpgradeRequestAreReadInOrderAndReadingContinuesAfterThem() async throws {
        let server = try await TestServer.strict.value
        try await server.sql("SELECT pglive.create_topic('ws.early')")
        // Repeated: the frames reach the server before or after it installs its reader.
        for round in 0..<20 {
            let subscribe = Array("SUBSCRIBE\ndestination:/topic/ws.early\nid:0\nreceipt:r\(round)\n\n\0".utf8)
            let client = try await WebSocketTestClient(
                port: server.httpPort, subprotocols: ["v12.stomp"],
                early: [WebSocketTestClient.frame(bytes: Self.connect, opcode: 1), WebSocketTestClient.frame(bytes: subscribe, opcode: 1)])
            #expect(String(buffer: try await client.next().payload).hasPrefix("CONNECTED\n"), "round \(round)")
            #expect(String(buffer: try await client.next().payload).hasPrefix("RECEIPT\nreceipt-id:r\(round)\n"), "round \(round)")
            try await client.send("SEND\ndestination:/topic/ws.early\n\nround \(round)\0")
            let message = try await client.nextFrame()
            #expect(message.command == .message)
            #expect(String(buffer: message.body) == "round \(round)")
            try await client.channel.close()
        }
    }

    @Test func aCloseFrameIsAnsweredAndTheConnectionCloses() async throws {
        let client = try await Self.connectedClient()
        try await client.send(bytes: [0x03, 0xE8], opcode: 8)
        #expect(try await client.next().opcode == 8)
        try await client.waitClosed()
    }

    @Test func aFrameWithAReservedOpcodeClosesTheConnection() async throws {
        let client = try await Self.connectedClient()
        try await client.send(bytes: [1, 2, 3], opcode: 3)
        try await client.waitClosed()
    }

    @Test func aMessageOverTheSizeLimitIsClosedWithMessageTooBig() async throws {
        let client = try await Self.connectedClient()
        // Each fragment is under the limit; the message they form is not.
        let fragment = [UInt8](repeating: UInt8(ascii: "x"), count: 800 << 10)
        try await client.send(bytes: fragment, opcode: 1, fin: false)
        try await client.send(bytes: fragment, opcode: 0, fin: true)
        let close = try await client.next()
        #expect(close.opcode == 8)
        #expect(Array(close.payload.readableBytesView) == [0x03, 0xF1])
        try await client.waitClosed()
    }

    @Test func theServersCloseFrameFollowsTheLastStompFrameAndTheConnectionEnds() async throws {
        let client = try await Self.connectedClient()
        try await client.send("DISCONNECT\nreceipt:bye\n\n\0")
        #expect(String(buffer: try await client.next().payload).hasPrefix("RECEIPT\nreceipt-id:bye\n"))
        let close = try await client.next()
        #expect(close.opcode == 8)
        #expect(Array(close.payload.readableBytesView) == [0x03, 0xE8])
        // Unanswered, the close would keep the connection for the 5 s close timeout; the
        // server half-closes at once instead.
        try await client.waitClosed(timeout: .seconds(4))
    }
}
