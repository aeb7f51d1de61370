import Logging
import PostgresLibPQ
import PostgresTestSupport
import Synchronization
import Testing

@Suite struct NoticeTests {
    @Test func serverNoticesReachTheLoggerNotStderr() throws {
        let database = try TestPostgres.makeDatabase(label: "notices")
        let captured = CapturedLog()
        let logger = Logger(label: "notices") { _ in captured }
        let connection = try PGConnection(configuration: database.configuration, logger: logger)
        try connection.execute("DO $$ BEGIN RAISE WARNING 'careful: %', 42; RAISE NOTICE 'fyi'; END $$")
        #expect(captured.entries.contains { $0.level == .warning && $0.message == "careful: 42" })
        #expect(captured.entries.contains { $0.level == .notice && $0.message == "fyi" })
    }
}

/// A log handler that keeps what it is given.
final class CapturedLog: LogHandler, Sendable {
    private let store = Mutex<[(level: Logger.Level, message: String)]>([])
    var entries: [(level: Logger.Level, message: String)] { store.withLock { $0 } }

    var metadata: Logger.Metadata {
        get { [:] }
        set {}
    }
    var logLevel: Logger.Level {
        get { .trace }
        set {}
    }
    subscript(metadataKey _: String) -> Logger.Metadata.Value? {
        get { nil }
        set {}
    }

    func log(event: LogEvent) {
        store.withLock { $0.append((event.level, "\(event.message)")) }
    }
}
