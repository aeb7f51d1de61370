import Foundation
import Logging
import NIOCore
import STOMP

/// Serves every client connection, whatever its transport: feeds the client's bytes to a
/// `STOMPSession`, performs the session's actions (authentication, subscriptions, log
/// writes, acknowledgements) and drives heart-beats from a timer at the session's
/// `nextTick`; the ``BrokerHub`` writes the broker's frames through the connection's
/// ``SessionWriter``, one flush per batch.
///
/// A class, shared by reference: every connection holds it in its state, and the services
/// by value were 424 bytes.
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
    /// The connections that have not ended yet.
    let sessions: OpenSessions
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
        sessionConfiguration: STOMPSession.Configuration, sessions: OpenSessions, writeTimeout: Duration, logger: Logger,
        metrics: STOMPMetrics, admission: SessionAdmission
    ) {
        self.hub = hub
        self.authenticator = authenticator
        self.opener = opener
        self.publisher = publisher
        self.sessionConfiguration = sessionConfiguration
        self.sessions = sessions
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

    /// Received bytes a connection may hold unhandled before it stops reading
    /// (``InboundCredit``).
    static let inboundBudget = 256 << 10

    /// Serves a new connection until it closes: adds the handler that reads the client's
    /// messages at the end of the channel's pipeline and hands the connection its mailbox.
    /// A connection past a ``SessionAdmission`` limit gets an `ERROR` saying which, and is
    /// closed.
    ///
    /// No task runs for the connection while nothing happens on it (``ConnectionMailbox``).
    ///
    /// - Parameters:
    ///   - channel: The connection's channel, its pipeline set up to deliver `Message`s;
    ///     called on its event loop.
    ///   - transport: Writes to the client.
    ///   - bytes: A message's STOMP bytes.
    /// - Returns: `false` when the server no longer takes sessions (it is shutting down);
    ///   the caller closes the channel.
    func open<Message>(
        _ channel: any Channel, transport: some FrameTransport, bytes: @escaping (Message) -> ByteBuffer
    ) throws -> Bool {
        let mailbox = ConnectionMailbox()
        let credit = InboundCredit(budget: Self.inboundBudget)
        try channel.pipeline.syncOperations.addHandler(SessionInputHandler(mailbox: mailbox, credit: credit, bytes: bytes))
        guard self.sessions.add(mailbox) else {
            return false
        }
        let address = channel.remoteAddress?.ipAddress
        let refusal = self.admission.admit(address: address)
        let id = UUID().uuidString
        let transportName = type(of: transport).name
        self.metrics.sessionsOpened[transportName]?.increment()
        self.metrics.sessionsOpen[transportName]?.increment()
        self.logger.info("session opened", metadata: ["session": "\(id)", "transport": "\(transportName)"])
        mailbox.yield(.opened)
        if let refusal {
            self.metrics.sessionsRefused.increment()
            mailbox.yield(.terminate(message: refusal.message, detail: refusal.detail))
        }
        let clock = WriteClock { Task { await transport.abort() } }
        self.watchdog.watch(clock)
        var connection = Connection(
            driver: self, session: STOMPSession(id: id, configuration: self.sessionConfiguration, openedAt: .now()),
            mailbox: mailbox, writer: SessionWriter(transport: transport, clock: clock, hub: self.hub, session: id),
            link: Connection.Link(transport: transport, address: address, isAdmitted: refusal == nil, credit: credit, clock: clock),
            eventLoop: channel.eventLoop)
        connection.scheduleTick()
        mailbox.open(connection)
        return true
    }
}
