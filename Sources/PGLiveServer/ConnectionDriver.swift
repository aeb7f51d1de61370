import Foundation
import Logging
import NIOCore
import STOMP

/// Runs one client connection, whatever its transport: feeds the client's bytes to a
/// `STOMPSession`, performs the session's actions (authentication, subscriptions, log
/// writes, acknowledgements), drains the broker's frames with one flush per batch, and
/// drives heart-beats from a timer at the session's `nextTick`.
///
/// A class, shared by reference: every connection holds it in its state, which sits in
/// its task's frames for the connection's life, and the services by value were 424 bytes.
final class ConnectionDriver: Sendable {
    /// The broker's owner.
    let hub: BrokerHub
    /// Who may connect.
    let authenticator: Authenticator
    /// Carries out `SUBSCRIBE`.
    let opener: SubscriptionOpener
    /// Carries out `SEND` and `COMMIT`.
    let publisher: LogPublisher
    /// Every session's configuration.
    let sessionConfiguration: STOMPSession.Configuration
    /// Closes connections whose client stalls a write.
    let watchdog: WriteWatchdog
    /// Where connection problems are logged.
    let logger: Logger
    /// Sessions, frames and bytes.
    let metrics: STOMPMetrics
    /// The session limits per process and per client address, shared by both transports.
    let admission: SessionAdmission

    /// Creates the driver shared by every connection.
    init(
        hub: BrokerHub, authenticator: Authenticator, opener: SubscriptionOpener, publisher: LogPublisher,
        sessionConfiguration: STOMPSession.Configuration, writeTimeout: Duration, logger: Logger,
        metrics: STOMPMetrics, admission: SessionAdmission
    ) {
        self.hub = hub
        self.authenticator = authenticator
        self.opener = opener
        self.publisher = publisher
        self.sessionConfiguration = sessionConfiguration
        self.watchdog = WriteWatchdog(timeout: writeTimeout)
        self.logger = logger
        self.metrics = metrics
        self.admission = admission
    }

    /// How long a client may stall a write.
    var writeTimeout: Duration {
        self.watchdog.timeout
    }

    /// How long a client may take to answer a WebSocket close frame before its socket is
    /// closed anyway.
    static let closeHandshakeTimeout = Duration.seconds(5)

    /// Received bytes a connection may hold unhandled before its reader stops reading
    /// (``InboundCredit``).
    static let inboundBudget = 256 << 10

    /// Serves a connection until it closes. A connection past a ``SessionAdmission`` limit
    /// gets an `ERROR` saying which, and is closed.
    ///
    /// - Parameters:
    ///   - read: Reads the client's bytes, handing each chunk to its argument, until the
    ///     client closes; called once, in a task of its own. Handing a chunk waits while
    ///     the connection has too much unhandled (``InboundCredit``).
    ///   - transport: Writes to the client.
    ///   - address: The client's IP address, for the per-address limit.
    func run(
        reading read: @escaping @Sendable (_ deliver: @Sendable (ByteBuffer) async -> Void) async throws -> Void,
        transport: some FrameTransport, address: String?
    ) async {
        let refusal = self.admission.admit(address: address)
        defer {
            if refusal == nil { self.admission.release(address: address) }
        }
        let id = UUID().uuidString
        let transportName = type(of: transport).name
        self.metrics.sessionsOpened[transportName]?.increment()
        self.metrics.sessionsOpen[transportName]?.increment()
        defer { self.metrics.sessionsOpen[transportName]?.decrement() }
        self.logger.info("session opened", metadata: ["session": "\(id)", "transport": "\(transportName)"])
        let (events, mailbox) = AsyncStream.makeStream(of: ConnectionEvent.self)
        if let refusal {
            self.metrics.sessionsRefused.increment()
            mailbox.yield(.terminate(message: refusal.message, detail: refusal.detail))
        }
        let clock = WriteClock { Task { await transport.abort() } }
        let writer = SessionWriter(transport: transport, clock: clock, mailbox: mailbox)
        await self.hub.register(id, mailbox: mailbox, writer: writer)
        // Detached: it needs none of the caller's task-local values, and copying them
        // takes a task-stack slab that the reader would keep for the connection's life.
        let credit = InboundCredit(budget: Self.inboundBudget)
        let reader = Task.detached {
            do {
                try await read { bytes in
                    let hasRoom = credit.take(bytes.readableBytes)
                    mailbox.yield(.received(bytes))
                    if !hasRoom {
                        // Only then: the common path does not suspend.
                        await credit.waitForRoom()
                    }
                }
            } catch {
                self.logger.debug("reading from the client failed", metadata: ["session": "\(id)", "error": "\(error)"])
            }
            mailbox.yield(.peerClosed)
        }
        // The connection runs in this task: a task per connection costs memory for as long
        // as the connection lives (each keeps the slabs its deepest call needed).
        self.watchdog.watch(clock)
        var connection = Connection(
            driver: self, session: STOMPSession(id: id, configuration: self.sessionConfiguration, openedAt: .now()),
            mailbox: mailbox, writer: writer, eventLoop: transport.eventLoop)
        connection.scheduleTick()
        for await event in events {
            await connection.process(event)
            credit.handled(event)
            if connection.isClosed {
                break
            }
            connection.scheduleTick()
        }
        connection.end()
        self.watchdog.unwatch(clock)
        var reason = connection.closeReason
        if clock.hasStalled {
            self.metrics.writeTimeouts.increment()
            reason = "the client took no bytes for \(self.writeTimeout)"
        }
        self.logger.info("session closed", metadata: ["session": "\(id)", "transport": "\(transportName)", "reason": "\(reason)"])
        credit.close()
        reader.cancel()
        mailbox.finish()
        await self.hub.remove(id)
        await transport.close(within: Self.closeHandshakeTimeout)
    }
}
