import CLibPQ
import Foundation
import Logging
import Synchronization

/// Listens on PostgreSQL notification channels on a connection and a thread of its own.
///
/// The thread waits in `poll()` on the libpq socket and a wake-up pipe (NIO cannot
/// watch a libpq socket: it would read the bytes itself). When the connection drops it
/// reports ``PostgresListenerEvent/disconnected(_:)``, reconnects with exponential
/// backoff, re-issues `LISTEN` and reports ``PostgresListenerEvent/connected`` again.
///
/// ```swift
/// try await PostgresListener.listen(configuration, channels: ["pglive"], logger: logger) { events in
///     for await event in events {
///         if case .notification(let note) = event { print(note.payload) }
///     }
/// }
/// ```
public enum PostgresListener {
    /// Backoff between reconnection attempts.
    public struct Backoff: Sendable {
        /// The first delay.
        public var initial: Duration
        /// The longest delay.
        public var maximum: Duration

        /// Creates a backoff that doubles from `initial` up to `maximum`.
        /// - Parameters:
        ///   - initial: the first delay.
        ///   - maximum: the cap.
        public init(initial: Duration = .milliseconds(100), maximum: Duration = .seconds(5)) {
            self.initial = initial
            self.maximum = maximum
        }
    }

    /// Listens while `body` runs; the connection and its thread end when `body` returns.
    /// - Parameters:
    ///   - configuration: where to connect (must be the primary: replicas have no `LISTEN`).
    ///   - channels: the channel names (any text; they are quoted).
    ///   - backoff: delays between reconnection attempts.
    ///   - logger: for connection events and server notices.
    ///   - body: consumes the events.
    /// - Returns: what `body` returns.
    public static func listen<T: Sendable>(
        _ configuration: PostgresConfiguration,
        channels: [String],
        backoff: Backoff = .init(),
        logger: Logger,
        _ body: (AsyncStream<PostgresListenerEvent>) async throws -> T
    ) async throws -> T {
        let (events, continuation) = AsyncStream.makeStream(of: PostgresListenerEvent.self)
        let loop = try ListenLoop(
            configuration: configuration, channels: channels, backoff: backoff, logger: logger, output: continuation)
        loop.start()
        do {
            let result = try await body(events)
            await loop.stop()
            return result
        } catch {
            await loop.stop()
            throw error
        }
    }
}

/// The listener's thread: connect, LISTEN, poll, deliver, and reconnect after a drop.
private final class ListenLoop: Sendable {
    private let configuration: PostgresConfiguration
    private let channels: [String]
    private let backoff: PostgresListener.Backoff
    private let logger: Logger
    private let output: AsyncStream<PostgresListenerEvent>.Continuation
    private let wakeUp: WakeUpPipe
    private let stopping = Atomic<Bool>(false)
    private let finished = Mutex<(done: Bool, waiter: CheckedContinuation<Void, Never>?)>((false, nil))

    init(
        configuration: PostgresConfiguration, channels: [String], backoff: PostgresListener.Backoff,
        logger: Logger, output: AsyncStream<PostgresListenerEvent>.Continuation
    ) throws {
        self.configuration = configuration
        self.channels = channels
        self.backoff = backoff
        self.logger = logger
        self.output = output
        wakeUp = try WakeUpPipe()
    }

    func start() {
        let thread = Thread { [self] in
            run()
            output.finish()
            let waiter = finished.withLock { state in
                state.done = true
                return state.waiter
            }
            waiter?.resume()
        }
        thread.name = "pglive-listener"
        thread.start()
    }

    /// Asks the thread to end and waits until it has closed its connection.
    func stop() async {
        stopping.store(true, ordering: .sequentiallyConsistent)
        wakeUp.signal()
        await withCheckedContinuation { continuation in
            let alreadyDone = finished.withLock { state in
                if !state.done { state.waiter = continuation }
                return state.done
            }
            if alreadyDone { continuation.resume() }
        }
    }

    private var isStopping: Bool { stopping.load(ordering: .sequentiallyConsistent) }

    private func run() {
        var delay = backoff.initial
        while !isStopping {
            do {
                let connection = try PGConnection(configuration: configuration, logger: logger)
                for channel in channels {
                    try connection.execute("LISTEN \(try connection.escapeIdentifier(channel))")
                }
                delay = backoff.initial
                output.yield(.connected)
                logger.debug("listener connected", metadata: ["backend": "\(connection.backendPID)"])
                try receive(on: connection)
            } catch {
                guard !isStopping else { return }
                let reason = error as? PostgresError ?? PostgresError(.connection, message: "\(error)")
                logger.warning("listener connection lost; reconnecting", metadata: ["error": "\(reason)"])
                output.yield(.disconnected(reason))
                wakeUp.wait(timeout: delay)
                delay = min(delay * 2, backoff.maximum)
            }
        }
    }

    /// Delivers notifications until the connection fails (throws) or the loop is stopped (returns).
    private func receive(on connection: PGConnection) throws {
        let socket = PQsocket(connection.handle)
        while !isStopping {
            guard wakeUp.waitReadable(socket) else { continue }
            guard PQconsumeInput(connection.handle) == 1, connection.isConnected else {
                throw PostgresError(.connection, message: PGConnection.errorMessage(of: connection.handle))
            }
            while let notify = PQnotifies(connection.handle) {
                output.yield(.notification(PostgresNotification(
                    channel: String(cString: notify.pointee.relname),
                    payload: String(cString: notify.pointee.extra),
                    senderPID: notify.pointee.be_pid)))
                PQfreemem(notify)
            }
        }
    }
}

/// A pipe that wakes a thread blocked in `poll()`.
private final class WakeUpPipe: Sendable {
    private let readEnd: Int32
    private let writeEnd: Int32

    init() throws {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else {
            throw PostgresError(.connection, message: "cannot create the listener's wake-up pipe")
        }
        readEnd = fds[0]
        writeEnd = fds[1]
        _ = fcntl(readEnd, F_SETFL, O_NONBLOCK)
        _ = fcntl(writeEnd, F_SETFL, O_NONBLOCK)
    }

    deinit {
        close(readEnd)
        close(writeEnd)
    }

    func signal() {
        var byte: UInt8 = 1
        _ = write(writeEnd, &byte, 1)
    }

    /// Waits until `socket` is readable (true) or the pipe was signalled (false).
    func waitReadable(_ socket: Int32) -> Bool {
        var fds = [pollfd(fd: socket, events: Int16(POLLIN), revents: 0),
                   pollfd(fd: readEnd, events: Int16(POLLIN), revents: 0)]
        _ = poll(&fds, 2, -1)
        if fds[1].revents != 0 { drain() }
        return fds[0].revents != 0
    }

    /// Sleeps for `timeout` or until signalled.
    func wait(timeout: Duration) {
        var fds = [pollfd(fd: readEnd, events: Int16(POLLIN), revents: 0)]
        let (seconds, attoseconds) = timeout.components
        _ = poll(&fds, 1, Int32(seconds * 1000 + attoseconds / 1_000_000_000_000_000))
        if fds[0].revents != 0 { drain() }
    }

    private func drain() {
        var buffer = [UInt8](repeating: 0, count: 64)
        while read(readEnd, &buffer, buffer.count) > 0 {}
    }
}
