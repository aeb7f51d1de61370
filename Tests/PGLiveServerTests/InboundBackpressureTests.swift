import NIOCore
import NIOPosix
import PostgresTestSupport
import STOMP
import Synchronization
import Testing

/// A client cannot make the server buffer its input without bound: when the server cannot
/// write its answers (the client does not read) or store its publications (the database
/// is slower than its SENDs), the server stops reading and TCP pushes back on the client.
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

        // BEGIN and ABORT with receipts: each costs the server a RECEIPT and no database work.
        var chunk = ByteBuffer()
        for index in 0..<500 {
            STOMPFrame(.begin, headers: ["transaction": "t\(index)", "receipt": "b\(index)"]).encode(version: .v1_2, into: &chunk)
            STOMPFrame(.abort, headers: ["transaction": "t\(index)", "receipt": "a\(index)"]).encode(version: .v1_2, into: &chunk)
        }
        let written = Written()
        let writer = Task {
            while !Task.isCancelled {
                try await channel.writeAndFlush(chunk).get()
                written.add(chunk.readableBytes)
            }
        }
        try await Task.sleep(for: .seconds(5))
        writer.cancel()
        let total = written.total
        #expect(total > 0)
        // Measured: ~8 MiB (the socket buffers both ways, the reader's budget) against
        // 1,050 MiB when the server read without limit.
        #expect(total < 64 << 20, "the server took \(total >> 20) MiB from a client that read none of its answers")
    }

    @Test func aPublisherFasterThanTheDatabaseIsPushedBackByTCP() async throws {
        // A database of its own: the test locks the log against every writer.
        let database = try await blocking { try TestPostgres.makeMigratedDatabase(label: "backpressure") }
        let server = try await TestServer(database: database) { $0.session.sendRate = nil }
        defer { Task { await server.stop() } }
        try await server.sql("SELECT pglive.create_topic('flood')")
        // Every publication waits on this lock until the end of the test.
        let locked = HTTPLimitTests.Release()
        let release = HTTPLimitTests.Release()
        let holder = Task {
            try await blocking {
                let connection = try database.connect()
                try connection.execute("BEGIN")
                try connection.execute("LOCK TABLE pglive.events IN EXCLUSIVE MODE")
                locked.released.withLock { $0 = true }
                while !release.released.withLock({ $0 }) { usleep(10_000) }
                try connection.execute("COMMIT")
            }
        }
        try await Deadline.waitUntil("the log's lock") { locked.released.withLock { $0 } }

        let client = try await STOMPTestClient.connected(port: server.stompPort)
        var chunk = ByteBuffer()
        for _ in 0..<64 {
            STOMPFrame(.send, headers: ["destination": "/topic/flood"], body: ByteBuffer(repeating: UInt8(ascii: "x"), count: 1_024))
                .encode(version: .v1_2, into: &chunk)
        }
        let written = Written()
        let writer = Task {
            while !Task.isCancelled {
                try await client.channel.writeAndFlush(chunk).get()
                written.add(chunk.readableBytes)
            }
        }
        try await Task.sleep(for: .seconds(5))
        writer.cancel()
        release.released.withLock { $0 = true }
        try await holder.value
        let total = written.total
        #expect(total > 0)
        // Measured: ~4.5 MiB (socket buffers, 128 SENDs, the reader's budget) against 67 MiB
        // with no limit on publications in flight, which grows for as long as the client writes.
        #expect(total < 16 << 20, "the server took \(total >> 20) MiB of SENDs while none could be stored")
    }
}

/// Bytes a writer task got accepted, read from another task.
final class Written: Sendable {
    private let bytes = Atomic(0)
    func add(_ count: Int) { bytes.add(count, ordering: .relaxed) }
    var total: Int { bytes.load(ordering: .relaxed) }
}
