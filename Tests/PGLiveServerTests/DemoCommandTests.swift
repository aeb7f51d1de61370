import Foundation
import PostgresTestSupport
import STOMP
import Testing

/// The `pglive demo` binary end to end: private PostgreSQL, simulated source, STOMP
/// server, and a clean stop on SIGINT.
@Suite(.serialized) struct DemoCommandTests {
    @Test func demoStreamsSensorsAndOrdersAndStopsCleanlyTwiceInARow() async throws {
        for _ in 0..<2 {
            try await runDemoOnce()
        }
    }

    @Test func sigintWhileStartingStopsPostgresAndRemovesTheFolder() async throws {
        let process = try PGLiveProcess([
            "demo", "--http-port", "0", "--stomp-port", "0", "--dir", TestPostgres.projectMigrations,
        ])
        var folder: String?
        try await Deadline.waitUntil("pglive demo to start PostgreSQL (stderr: \(process.stderr))", timeout: .seconds(90)) {
            folder = Self.match(#"folder=(\S+)"#, in: process.stderr)
            return folder != nil || !process.process.isRunning
        }
        let startingFolder = try #require(folder)

        process.process.interrupt()

        #expect(try await process.exitStatus() == 0)
        #expect(!process.stdout.contains("pglive demo is ready."))
        #expect(Self.processes(mentioning: startingFolder).isEmpty)
        #expect(!FileManager.default.fileExists(atPath: startingFolder))
    }

    private func runDemoOnce() async throws {
        let process = try PGLiveProcess([
            "demo", "--http-port", "0", "--stomp-port", "0", "--dir", TestPostgres.projectMigrations,
        ])
        try await Deadline.waitUntil("pglive demo to be ready (stderr: \(process.stderr))", timeout: .seconds(90)) {
            process.stdout.contains("Press Ctrl-C to stop.") || !process.process.isRunning
        }
        let banner = process.stdout
        let port = try #require(Self.match(#"STOMP TCP:  127\.0\.0\.1:(\d+)"#, in: banner).flatMap { Int($0) })
        let folder = try #require(Self.match(#"folder:     (\S+)"#, in: banner))
        #expect(FileManager.default.fileExists(atPath: folder))
        #expect(banner.contains("login:      demo / demo"))

        let client = try await STOMPTestClient.connected(port: port, login: "demo", passcode: "demo")
        try await client.subscribe("/topic/sensors", id: "sensors")
        try await client.subscribe("/topic/orders", id: "orders")
        let reading = try await client.next { Self.isMessage($0, "/topic/sensors", op: "INSERT") }
        #expect(reading.body.getString(at: reading.body.readerIndex, length: reading.body.readableBytes)?.contains("temperature") == true)
        _ = try await client.next { Self.isMessage($0, "/topic/orders", op: "INSERT") }
        _ = try await client.next { Self.isMessage($0, "/topic/orders", op: "UPDATE") }

        process.process.interrupt()

        let error = try await client.next(.error)
        #expect(error.headers["message"] == "server shutting down")
        try await client.waitClosed()
        #expect(try await process.exitStatus() == 0)
        #expect(Self.processes(mentioning: folder).isEmpty)
        #expect(!FileManager.default.fileExists(atPath: folder))
    }

    private static func isMessage(_ frame: STOMPFrame, _ destination: String, op: String) -> Bool {
        frame.command == .message && frame.headers["destination"] == destination && frame.headers["op"] == op
    }

    /// The first capture group of `pattern` in `text`.
    private static func match(_ pattern: String, in text: String) -> String? {
        let expression = try? NSRegularExpression(pattern: pattern)
        let range = NSRange(text.startIndex..., in: text)
        guard let result = expression?.firstMatch(in: text, range: range),
              let group = Range(result.range(at: 1), in: text) else { return nil }
        return String(text[group])
    }

    /// The ids of running processes whose command line mentions `text` (e.g. `postgres -D <folder>/data`).
    private static func processes(mentioning text: String) -> [String] {
        let ids = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return ids.filter { id in
            guard id.allSatisfy(\.isNumber),
                  let data = FileManager.default.contents(atPath: "/proc/\(id)/cmdline") else { return false }
            return String(decoding: data.map { $0 == 0 ? 0x20 : $0 }, as: UTF8.self).contains(text)
        }
    }
}
