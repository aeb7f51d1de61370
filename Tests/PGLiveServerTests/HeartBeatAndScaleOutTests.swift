import NIOCore
import NIOPosix
import PostgresTestSupport
import STOMP
import Testing

/// Heart-beats driven by each connection's timer, and two servers on one database.
@Suite(.serialized) struct HeartBeatAndScaleOutTests {
    @Test func theServerSendsHeartBeatsAndClosesASilentClient() async throws {
        let server = try await TestServer(
            database: try await TestServer.sharedDatabase.value, heartBeat: STOMPHeartBeat(send: 100, receive: 100))
        let listening = try await Self.connect(port: server.stompPort, heartBeat: "0,100")
        try await Deadline.waitUntil("two heart-beats after CONNECTED") {
            listening.text.split(separator: "\0", omittingEmptySubsequences: false).last?.hasPrefix("\n\n") == true
        }
        #expect(!listening.isClosed)

        let silent = try await Self.connect(port: server.stompPort, heartBeat: "100,0")
        // Presumed dead: closed without waiting to flush an ERROR.
        try await Deadline.waitUntil("the silent client to be closed") { silent.isClosed }
        #expect(silent.text.hasPrefix("CONNECTED\n"))
        await server.stop()
    }

    /// Connects as alice with a `heart-beat` header and returns what arrives.
    private static func connect(port: Int, heartBeat: String) async throws -> ByteInbox {
        let inbox = ByteInbox()
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture { try channel.pipeline.syncOperations.addHandler(inbox) }
            }
            .connect(host: "127.0.0.1", port: port).get()
        let connect = "CONNECT\naccept-version:1.2\nlogin:alice\npasscode:secret\nheart-beat:\(heartBeat)\n\n\0"
        try await channel.writeAndFlush(ByteBuffer(string: connect)).get()
        return inbox
    }

    @Test func aSendOnOneServerReachesASubscriberOnAnotherServerOfTheSameDatabase() async throws {
        let strict = try await TestServer.strict.value
        let lenient = try await TestServer.lenient.value
        try await strict.sql("SELECT pglive.create_topic('scale.out')")
        let subscriber = try await STOMPTestClient.connected(port: strict.stompPort)
        try await subscriber.subscribe("/topic/scale.out")
        let sender = try await STOMPTestClient(port: lenient.stompPort)
        try await sender.send(.connect, ["accept-version": "1.2"])
        _ = try await sender.next(.connected)

        try await sender.send(.send, ["destination": "/topic/scale.out"], body: "across")

        #expect(String(buffer: try await subscriber.next(.message).body) == "across")
    }
}
