import Foundation
import NIOCore
import PostgresTestSupport
import STOMP
import Testing

/// Random bytes, truncated and mutated frames against the live STOMP endpoints (TCP and
/// `/stomp` WebSocket), while a well-behaved subscriber keeps receiving.
@Suite(.serialized) struct HostileInputTests {
    /// The seed; `PGLIVE_HOSTILE_SEED` replays another run.
    static let seed = UInt64(ProcessInfo.processInfo.environment["PGLIVE_HOSTILE_SEED"] ?? "") ?? 0x5EED_2026

    /// A valid session's bytes, which the inputs cut and mutate.
    static let validSession = Array(
        ("CONNECT\naccept-version:1.2\nhost:x\nlogin:alice\npasscode:secret\nheart-beat:0,0\n\n\0"
            + "SUBSCRIBE\nid:0\ndestination:/topic/hostile\nack:client\nreceipt:r\n\n\0"
            + "SEND\ndestination:/topic/hostile.chat\ncontent-length:5\n\nhe\0lo\0"
            + "BEGIN\ntransaction:t\n\n\0ACK\nid:1\ntransaction:t\n\n\0COMMIT\ntransaction:t\n\n\0").utf8)

    /// One hostile input.
    static func input(_ generator: inout SeededGenerator) -> [UInt8] {
        switch Int.random(in: 0..<5, using: &generator) {
        case 0:
            // Random bytes.
            return (0..<Int.random(in: 1...4096, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
        case 1:
            // A valid session cut anywhere.
            return Array(validSession.prefix(Int.random(in: 1..<validSession.count, using: &generator)))
        case 2:
            // A valid session with a few bytes changed, inserted or removed.
            var bytes = validSession
            for _ in 0..<Int.random(in: 1...8, using: &generator) {
                let index = Int.random(in: 0..<bytes.count, using: &generator)
                switch Int.random(in: 0..<3, using: &generator) {
                case 0: bytes[index] = UInt8.random(in: 0...255, using: &generator)
                case 1: bytes.insert(UInt8.random(in: 0...255, using: &generator), at: index)
                default: bytes.remove(at: index)
                }
            }
            return bytes
        case 3:
            // A header line or a body past the limits.
            let filler = [UInt8](repeating: UInt8(ascii: "a"), count: Int.random(in: 9_000...70_000, using: &generator))
            return Array("CONNECT\naccept-version:1.2\nlogin:alice\npasscode:secret\n\n\0SEND\ndestination:/topic/x\nh:".utf8) + filler
        default:
            // Many headers, then a frame that never ends.
            return Array("STOMP\n".utf8) + Array(repeating: Array("k:v\n".utf8), count: 100).flatMap { $0 }
        }
    }

    /// `bytes` in 1 to 5 pieces.
    static func pieces(_ bytes: [UInt8], _ generator: inout SeededGenerator) -> [[UInt8]] {
        var cuts = (0..<Int.random(in: 0...4, using: &generator)).map { _ in Int.random(in: 0...bytes.count, using: &generator) }
        cuts = ([0] + cuts.sorted() + [bytes.count])
        return zip(cuts, cuts.dropFirst()).map { Array(bytes[$0..<$1]) }.filter { !$0.isEmpty }
    }

    @Test func hostileInputLeavesTheServerUpAndOtherSessionsReceivingEverything() async throws {
        // A short connect timeout ends the hostile sessions that never complete a CONNECT;
        // 1 s once also ended the watcher's own CONNECT on a machine loaded by the whole suite.
        let server = try await SessionLimitTests.server(topic: "hostile") { $0.session.connectTimeout = .seconds(5) }
        defer { Task { await server.stop() } }
        try await server.sql("SELECT pglive.create_topic('hostile.chat')")
        let watcher = try await STOMPTestClient.connected(port: server.stompPort)
        try await watcher.subscribe("/topic/hostile")
        var generator = SeededGenerator(seed: Self.seed)
        var open: [@Sendable () async -> Void] = []
        var inserted: [Int] = []

        for round in 0..<300 {
            let pieces = Self.pieces(Self.input(&generator), &generator)
            if round.isMultiple(of: 2) {
                let client = try await STOMPTestClient(port: server.stompPort)
                for piece in pieces { try? await client.channel.writeAndFlush(ByteBuffer(bytes: piece)).get() }
                open.append { await client.close() }
            } else {
                let client = try await WebSocketTestClient(port: server.httpPort, subprotocols: ["v12.stomp"])
                for piece in pieces { try? await client.send(bytes: piece, opcode: Bool.random(using: &generator) ? 1 : 2) }
                open.append { try? await client.channel.close() }
            }
            if Bool.random(using: &generator) {
                await open.removeLast()()
            }
            if round.isMultiple(of: 10) {
                try await server.sql("INSERT INTO hostile VALUES ($1)", [round])
                inserted.append(round)
            }
        }

        let received = try await watcher.messages(inserted.count).map { message in
            (try JSONSerialization.jsonObject(with: Data(buffer: message.body)) as? [String: Int])?["id"]
        }
        #expect(received == inserted, "seed \(Self.seed)")
        for close in open { await close() }
        // Every hostile session ends; only the watcher remains.
        try await Deadline.waitUntil("the hostile sessions to end (seed \(Self.seed))", timeout: .seconds(30)) {
            let metrics = try PrometheusExposition(try await RawHTTP.get("/metrics", port: server.httpPort).body)
            return metrics.value("pglive_stomp_sessions_open", ["transport": "tcp"]) == 1
                && metrics.value("pglive_stomp_sessions_open", ["transport": "websocket"]) == 0
        }
        let newcomer = try await STOMPTestClient.connected(port: server.stompPort)
        try await newcomer.subscribe("/topic/hostile")
        try await server.sql("INSERT INTO hostile VALUES (1000)")
        #expect(try await newcomer.next(.message).headers["destination"] == "/topic/hostile")
        #expect(try await watcher.next(.message).headers["destination"] == "/topic/hostile")
    }
}
