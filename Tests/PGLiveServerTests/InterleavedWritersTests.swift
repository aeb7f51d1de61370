import Foundation
import PostgresLibPQ
import PostgresTestSupport
import STOMP
import Synchronization
import Testing

/// Random interleavings of concurrent writers (INSERT, UPDATE, DELETE, multi-row
/// statements, several statements per transaction, rollbacks) on a `keep_old` table, so
/// statement-level and row-level capture share transactions, delivered over real sockets
/// to three subscribers: one that stays connected, one that drops its connection at random
/// moments and resumes with `from-position` on either process, and one on a second
/// `pglive serve` process. Each must receive the log's sequence exactly: every committed
/// event once, in position order, with the same body.
@Suite(.serialized) struct InterleavedWritersTests {
    /// One delivered event, as the tests compare them.
    struct Received: Equatable, CustomStringConvertible {
        let position: Int64
        let op: String
        let body: String

        var description: String { "\(position) \(op) \(body)" }
    }

    /// A count shared by the writers' tasks.
    final class Tally: Sendable {
        let value = Mutex(0)
    }

    /// The log's last position once the writers are done; `nil` before.
    final class LastPosition: Sendable {
        let value = Mutex<Int64?>(nil)
    }

    /// Writers and transactions per writer: the issue's 8 × 1000 unless
    /// `PGLIVE_TEST_INTERLEAVED_TRANSACTIONS` asks for another count per writer.
    static let writers = 8
    static let transactionsPerWriter =
        ProcessInfo.processInfo.environment["PGLIVE_TEST_INTERLEAVED_TRANSACTIONS"].flatMap { Int($0) } ?? 1000
    /// How far (in events) the writers may run ahead of the connected subscribers. Below a
    /// session's queue budget (10,000 frames), so a debug build on a busy machine is not
    /// closed as a slow consumer: that policy has tests of its own.
    static let maxLead = 4_000

    @Test func eightRandomWritersReachEveryKindOfSubscriberIdenticallyAndExactlyOnce() async throws {
        let database = try await blocking { try TestPostgres.makeMigratedDatabase(label: "interleaved") }
        try await blocking {
            let setup = try database.connect()
            try setup.execute("CREATE TABLE items (id int PRIMARY KEY, writer int, n int)")
            try setup.query("SELECT pglive.publish_table('items', keep_old => true)")
        }
        let inProcess = try await TestServer(database: database)
        let secondProcess = try PGLiveProcess(
            ["serve", "--database-url", database.url, "--user", "alice:secret", "--http-port", "0", "--stomp-port", "0"])
        defer { secondProcess.process.terminate() }
        let ports = [inProcess.stompPort, try await secondProcess.waitForPorts().stomp]

        let steady = try await STOMPTestClient.connected(port: ports[0])
        try await steady.subscribe("/topic/items", id: "steady", ["from-position": "0"])
        let elsewhere = try await STOMPTestClient.connected(port: ports[1])
        try await elsewhere.subscribe("/topic/items", id: "elsewhere", ["from-position": "0"])
        let lastPosition = LastPosition()
        let resuming = Task { try await Self.resumeRepeatedly(ports: ports) { lastPosition.value.withLock { $0 } } }

        let committed = try await Self.write(database, aheadOf: [steady, elsewhere])
        let log = try await Self.logEvents(database)

        #expect(log.count == committed)
        #expect(log.map(\.position) == Array(1...Int64(log.count)))
        #expect(Set(log.map(\.op)) == ["INSERT", "UPDATE", "DELETE"])
        let end = log.last?.position ?? 0
        lastPosition.value.withLock { $0 = end }
        Self.expectSame(try await Self.collect(through: end, from: steady), log, "steady subscriber")
        Self.expectSame(try await Self.collect(through: end, from: elsewhere), log, "subscriber on the second process")
        let (resumed, reconnections) = try await Deadline.within("the resuming subscriber", timeout: .seconds(300)) {
            try await resuming.value
        }
        Self.expectSame(resumed, log, "resuming subscriber")
        #expect(reconnections >= 20, "the resuming subscriber dropped its connection only \(reconnections) times")
        try await Task.sleep(for: .milliseconds(300))
        #expect(steady.inbox.frames.isEmpty, "nothing after the log's last event")
        #expect(elsewhere.inbox.frames.isEmpty, "nothing after the log's last event")
        await steady.close()
        await elsewhere.close()
        await inProcess.stop()
    }

    /// Runs the writers concurrently, each pausing after a commit while the writers are
    /// more than ``maxLead`` events ahead of a subscriber; returns how many row changes
    /// they committed.
    private static func write(_ database: TestDatabase, aheadOf subscribers: [STOMPTestClient]) async throws -> Int {
        let pool = PostgresPool(
            connection: database.configuration, configuration: .init(maxConnections: writers), logger: TestPostgres.logger)
        let written = Tally()
        let pace: @Sendable (Int) async throws -> Void = { changes in
            let total = written.value.withLock { total in
                total += changes
                return total
            }
            try await Deadline.waitUntil("the subscribers to come within \(maxLead) events", timeout: .seconds(120)) {
                subscribers.allSatisfy { total - $0.inbox.receivedCount < maxLead }
            }
        }
        let committed = try await withThrowingTaskGroup(of: Int.self) { group in
            for writer in 0..<writers {
                group.addTask {
                    try await RandomWriter(id: writer, seed: 0x5EED + UInt64(writer))
                        .write(transactions: transactionsPerWriter, on: pool, pacedBy: pace)
                }
            }
            return try await group.reduce(0, +)
        }
        await pool.close()
        return committed
    }

    /// The topic's events as the log holds them, in position order.
    private static func logEvents(_ database: TestDatabase) async throws -> [Received] {
        try await blocking {
            try database.connect().query(
                "SELECT position, op, row_data::text AS body FROM pglive.event_log WHERE topic = 'items' ORDER BY position"
            ).rows.map {
                Received(
                    position: try $0.decode("position", as: Int64.self), op: try $0.decode("op", as: String.self),
                    body: try $0.decode("body", as: String.self))
            }
        }
    }

    /// Takes a client's messages until one at or past `position` arrived, failing on any
    /// other frame.
    private static func collect(through position: Int64, from client: STOMPTestClient) async throws -> [Received] {
        var received: [Received] = []
        try await Deadline.waitUntil("the message at position \(position)", timeout: .seconds(300)) {
            received += try client.inbox.takeAll().map(Self.received)
            return received.last.map { $0.position >= position } ?? (position == 0)
        }
        return received
    }

    /// A subscriber that resumes over and over: it connects to a random process, subscribes
    /// after the last position it kept, keeps what arrives for a random 20–400 ms (in the
    /// replay or live), then drops the connection without `DISCONNECT` (what was in flight
    /// is lost to it), until it kept the log's last position.
    ///
    /// - Parameters:
    ///   - ports: the STOMP ports of the processes.
    ///   - last: the log's last position once the writers are done, `nil` before.
    /// - Returns: the kept messages and how many times it dropped the connection.
    private static func resumeRepeatedly(
        ports: [Int], last: @Sendable () -> Int64?
    ) async throws -> (kept: [Received], reconnections: Int) {
        var kept: [Received] = []
        var generator = SeededGenerator(seed: 0xD20B)
        var reconnections = 0
        while true {
            let client = try await STOMPTestClient.connected(port: ports[Int(generator.next() % UInt64(ports.count))])
            try await client.send(
                .subscribe, ["destination": "/topic/items", "id": "r", "from-position": "\(kept.last?.position ?? 0)"])
            let dropAt = ContinuousClock.now + .milliseconds(Int(generator.next() % 380) + 20)
            while ContinuousClock.now < dropAt {
                if let last = last(), kept.last?.position ?? 0 >= last {
                    await client.close()
                    return (kept, reconnections)
                }
                kept += try client.inbox.takeAll().map(Self.received)
                try await Task.sleep(for: .milliseconds(5))
            }
            await client.close()
            reconnections += 1
        }
    }

    /// A received `MESSAGE` as a ``Received``; any other frame is a failure.
    private static func received(_ frame: STOMPFrame) throws -> Received {
        guard frame.command == .message, let position = frame.headers["position"].flatMap({ Int64($0) }),
              let op = frame.headers["op"] else {
            throw STOMPTestClient.UnexpectedFrame(frame: frame)
        }
        return Received(position: position, op: op, body: String(buffer: frame.body))
    }

    /// Records the first difference between what a subscriber received and the log.
    private static func expectSame(_ received: [Received], _ log: [Received], _ who: String) {
        #expect(received.count == log.count, "\(who): \(received.count) messages for \(log.count) events")
        if let index = (0..<min(received.count, log.count)).first(where: { received[$0] != log[$0] }) {
            Issue.record("\(who): message \(index) is \(received[index]), the log has \(log[index])")
        }
    }
}
