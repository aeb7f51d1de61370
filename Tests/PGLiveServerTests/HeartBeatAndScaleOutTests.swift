import NIOCore
import NIOPosix
import PostgresLibPQ
import PostgresTestSupport
import STOMP
import Testing

/// Heart-beats driven by each connection's timer, and two servers on one database.
@Suite(.serialized) struct HeartBeatAndScaleOutTests {
    @Test func theServerSendsHeartBeatsAndClosesASilentClient() async throws {
        let server = try await TestServer(
            database: try await TestServer.sharedDatabase.value, heartBeat: STOMPHeartBeat(send: 100, receive: 100))
        let (listening, _) = try await Self.connect(port: server.stompPort, heartBeat: "0,100")
        try await Deadline.waitUntil("two heart-beats after CONNECTED") {
            listening.text.split(separator: "\0", omittingEmptySubsequences: false).last?.hasPrefix("\n\n") == true
        }
        #expect(!listening.isClosed)

        let (silent, _) = try await Self.connect(port: server.stompPort, heartBeat: "100,0")
        // Presumed dead: closed without waiting to flush an ERROR.
        try await Deadline.waitUntil("the silent client to be closed") { silent.isClosed }
        #expect(silent.text.hasPrefix("CONNECTED\n"))
        await server.stop()
    }

    @Test func heartBeatsStartAtTheNegotiatedIntervalAndPauseWhileMessagesFlow() async throws {
        let server = try await TestServer(
            database: try await TestServer.sharedDatabase.value, heartBeat: STOMPHeartBeat(send: 1000, receive: 1000)
        ) { $0.session.connectTimeout = .seconds(60) }
        try await server.sql("SELECT pglive.create_topic('beats')")
        let (inbox, channel) = try await Self.connect(port: server.stompPort, heartBeat: "0,1000")
        // The first heart-beat follows CONNECTED by the interval, not by the connect timeout
        // whose timer was set when the connection opened.
        try await Deadline.waitUntil("a heart-beat after CONNECTED", timeout: .seconds(20)) {
            inbox.text.hasPrefix("CONNECTED\n") && inbox.text.hasSuffix("\0\n")
        }
        try await channel.writeAndFlush(ByteBuffer(string: "SUBSCRIBE\nid:0\ndestination:/topic/beats\nreceipt:s\n\n\0")).get()
        try await Deadline.waitUntil("the receipt") { inbox.text.contains("RECEIPT\n") }
        // Messages every 100 ms for 4 s: the hub writes them, not the connection's task,
        // and the session must count them as writes.
        for number in 0..<40 {
            try await server.sql("SELECT pglive.publish('beats', $1::jsonb)", [PostgresJSON(#"{"n": \#(number)}"#)])
            try await Task.sleep(for: .milliseconds(100))
        }
        try await Deadline.waitUntil("40 messages") { inbox.text.components(separatedBy: "MESSAGE\n").count == 41 }
        let afterReceipt = inbox.text.components(separatedBy: "RECEIPT\n").last ?? ""
        let frames: [Substring] = afterReceipt.split(separator: "\0", omittingEmptySubsequences: false)
        let heartBeats = frames.dropFirst().reduce(0) { count, frame in count + frame.prefix(while: { $0 == "\n" }).count }
        // Counted as writes: none, or one if the machine stalled for a second. Not counted:
        // one a second, 3 or 4.
        #expect(heartBeats <= 1, "\(heartBeats) heart-beats between messages 100 ms apart")
        try await channel.close()
        await server.stop()
    }

    /// Connects as alice with a `heart-beat` header and returns what arrives, and the channel.
    private static func connect(port: Int, heartBeat: String) async throws -> (ByteInbox, any Channel) {
        let inbox = ByteInbox()
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture { try channel.pipeline.syncOperations.addHandler(inbox) }
            }
            .connect(host: "127.0.0.1", port: port).get()
        let connect = "CONNECT\naccept-version:1.2\nlogin:alice\npasscode:secret\nheart-beat:\(heartBeat)\n\n\0"
        try await channel.writeAndFlush(ByteBuffer(string: connect)).get()
        return (inbox, channel)
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
