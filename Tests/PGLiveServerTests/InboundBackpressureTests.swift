import NIOCore
import NIOPosix
import PostgresTestSupport
import STOMP
import Synchronization
import Testing

/// A client cannot make the server buffer its input without bound: when the server cannot
/// write its answers (the client does not read) or store its publications (the database
/// is slower than its SENDs), the server stops reading and TCP pushes back on the client.
///
/// Each test writes the same bytes over and over and expects the writes to stop being
/// accepted (the kernel's buffers full, the server not reading) rather than a fixed figure,
/// so a slow machine cannot make it pass or fail. Measured when each stopped: ~8 MiB over
/// TCP, ~10 MiB over WebSocket, ~4.5 MiB of SENDs; without the fix the same clients got
/// 830–1,050 MiB, 34 MiB and 67 MiB into the server in 5 s, and kept going.
@Suite(.serialized) struct InboundBackpressureTests {
    @Test func aClientThatWritesButNeverReadsIsPushedBackByTCP() async throws {
        let server = try await TestServer(database: TestServer.sharedDatabase.value) { $0.writeTimeout = .seconds(60) }
        defer { Task { await server.stop() } }
        // Reads nothing: the server's RECEIPTs fill the socket buffers and its writes wait.
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .channelOption(.autoRead, value: false)
            .connect(host: "127.0.0.1", port: server.stompPort).get()
        defer { channel.close(promise: nil) }
        var connect = ByteBuffer()
        STOMPFrame(.connect, headers: ["accept-version": "1.2", "host": "localhost", "login": "alice", "passcode": "secret"])
            .encode(version: .v1_2, into: &connect)
        try await channel.writeAndFlush(connect).get()

        var chunk = ByteBuffer()
        for frame in Self.framesWithReceipts {
            frame.encode(version: .v1_2, into: &chunk)
        }
        try await Self.expectPushedBack(writing: chunk, to: channel)
    }

    @Test func aWebSocketClientThatWritesButNeverReadsIsPushedBackToo() async throws {
        let server = try await TestServer(database: TestServer.sharedDatabase.value) { $0.writeTimeout = .seconds(60) }
        defer { Task { await server.stop() } }
        let client = try await WebSocketTestClient(port: server.httpPort, subprotocols: ["v12.stomp"])
        defer { client.channel.close(promise: nil) }
        try await client.channel.setOption(.autoRead, value: false).get()
        try await client.send("CONNECT\naccept-version:1.2\nhost:localhost\nlogin:alice\npasscode:secret\n\n\0")

        var frames = ByteBuffer()
        for frame in Self.framesWithReceipts {
            frame.encode(version: .v1_2, into: &frames)
        }
        let message = WebSocketTestClient.frame(bytes: Array(buffer: frames), opcode: 1)
        try await Self.expectPushedBack(writing: message, to: client.channel)
    }

    @Test func aPublisherFasterThanTheDatabaseIsPushedBackByTCP() async throws {
        // A database of its own: the test locks the log against every writer.
        let database = try await blocking { try TestPostgres.makeMigratedDatabase(label: "backpressure") }
        let server = try await TestServer(database: database) { $0.session.sendRate = nil }
        defer { Task { await server.stop() } }
        try await server.sql("SELECT pglive.create_topic('flood')")
        // Every publication waits on this lock until the end of the test.
        let lock = try await HeldTableLock("pglive.events", mode: "EXCLUSIVE", in: database)

        // This client reads: only its publications are stuck.
        let client = try await STOMPTestClient.connected(port: server.stompPort)
        var chunk = ByteBuffer()
        for _ in 0..<64 {
            STOMPFrame(.send, headers: ["destination": "/topic/flood"], body: ByteBuffer(repeating: UInt8(ascii: "x"), count: 1_024))
                .encode(version: .v1_2, into: &chunk)
        }
        // Without the limit on publications in flight, the server took SENDs for ~30 s.
        var failure: (any Error)?
        do {
            try await Self.expectPushedBack(writing: chunk, to: client.channel, within: 32 << 20)
        } catch {
            failure = error
        }
        try await lock.release()
        if let failure { throw failure }
    }

    /// BEGIN and ABORT with receipts: each costs the server a RECEIPT and no database work.
    static let framesWithReceipts: [STOMPFrame] = (0..<500).flatMap { index in
        [
            STOMPFrame(.begin, headers: ["transaction": "t\(index)", "receipt": "b\(index)"]),
            STOMPFrame(.abort, headers: ["transaction": "t\(index)", "receipt": "a\(index)"]),
        ]
    }

    /// Writes `chunk` to `channel` again and again until the writes stop being accepted for
    /// a second; fails as soon as more than `limit` bytes were accepted, or if they are still
    /// accepted after 120 s. The bound is what fails without the fix (the server read 1 GiB
    /// in 5 s); how long the socket buffers take to fill depends on the machine (a loaded CI
    /// machine with a debug build took 13 MiB in 30 s without stalling yet).
    static func expectPushedBack(writing chunk: ByteBuffer, to channel: any Channel, within limit: Int = 64 << 20) async throws {
        let written = Atomic(0)
        let writer = Task {
            while !Task.isCancelled {
                try await channel.writeAndFlush(chunk).get()
                written.add(chunk.readableBytes, ordering: .relaxed)
            }
        }
        defer { writer.cancel() }
        var last = -1
        var unchangedSince = ContinuousClock.now
        let deadline = ContinuousClock.now + .seconds(120)
        while ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(100))
            let now = written.load(ordering: .relaxed)
            guard now <= limit else {
                Issue.record("the server took \(now >> 20) MiB and still reads")
                return
            }
            if now != last {
                (last, unchangedSince) = (now, .now)
            } else if ContinuousClock.now - unchangedSince >= .seconds(1) {
                #expect(now > 0)
                return
            }
        }
        Issue.record("the server still took the client's bytes after 120 s: \(last >> 20) MiB")
    }
}
