import Authorization
import Logging
import NIOCore
import STOMP

/// The state of one connection, owned by the task handling its ``ConnectionMailbox``: the
/// session, the operations in flight and the heart-beat timer.
struct Connection: Sendable {
    /// The services.
    let driver: ConnectionDriver
    /// The protocol state machine.
    var session: STOMPSession
    /// Who the session was authenticated as; `nil` before `CONNECTED`.
    var principal: Principal?
    /// Where the client's input, operations and timers report back.
    let mailbox: ConnectionMailbox
    /// Writes to the client; the hub delivers through it too.
    let writer: SessionWriter
    /// The socket's side of the connection.
    let link: Link
    /// Operations in flight, cancelled when the connection ends.
    var operations: [STOMPSession.OperationID: Task<Void, Never>] = [:]
    /// The last `SEND` or `COMMIT` stored or being stored: the next one waits for it, so a
    /// session's publications reach the log in the order it sent them.
    var lastPublication: Task<Void, Never>?
    /// The connection's event loop, which runs its timer.
    let eventLoop: any EventLoop
    /// The heart-beat timer, and the deadline it is set for: the session's next tick.
    var timer: (task: Scheduled<Void>, deadline: NIODeadline)?
    /// Whether the connection is done.
    var isClosed = false
    /// Why the connection ended, for the log's "session closed" line.
    var closeReason = "the connection ended"
    /// The session's frame counts as last added to the server's metrics.
    var reportedFrames = (received: STOMPFrameCounts(), sent: STOMPFrameCounts())

    /// The socket's side of a connection, which its end releases.
    struct Link: Sendable {
        /// Writes to the client and closes the socket.
        let transport: any FrameTransport
        /// The client's IP address, for the per-address limit.
        let address: String?
        /// Whether the session counts against the ``SessionAdmission`` limits.
        let isAdmitted: Bool
        /// The client's bytes not handled yet.
        let credit: InboundCredit
        /// Times the connection's writes for the write watchdog.
        let clock: WriteClock
    }

    /// Creates the state of a new connection.
    init(
        driver: ConnectionDriver, session: STOMPSession, mailbox: ConnectionMailbox, writer: SessionWriter, link: Link,
        eventLoop: any EventLoop
    ) {
        self.driver = driver
        self.session = session
        self.mailbox = mailbox
        self.writer = writer
        self.link = link
        self.eventLoop = eventLoop
    }

    /// Operations (mostly publications) in flight at which the connection stops handling
    /// the client's input until its publications are stored.
    static let maxOperationsInFlight = 128

    /// The session id.
    var id: String {
        self.session.id
    }

    /// Reacts to one event of the mailbox, and counts the client's bytes it carried as handled.
    mutating func process(_ event: ConnectionEvent) async {
        await self.handle(event)
        self.link.credit.handled(event)
    }

    /// Reacts to one event of the mailbox.
    private mutating func handle(_ event: ConnectionEvent) async {
        switch event {
        case .opened:
            await self.driver.hub.register(self.id, mailbox: self.mailbox, writer: self.writer)
        case .received(let bytes):
            await self.perform(self.session.receive(bytes, now: .now()))
            if self.operations.count >= Self.maxOperationsInFlight {
                await self.waitForPublications()
            }
        case .peerClosed:
            self.session.connectionClosed()
            self.closeReason = "the client closed the connection"
            self.isClosed = true
        case .delivered(let acknowledgeable):
            self.recordDelivered(acknowledgeable)
        case .terminate(let message, let detail):
            let actions = self.session.terminate(message: message, detail: detail)
            await self.perform(actions)
            self.closeReason = message
            self.isClosed = true
        case .completed(let operation):
            self.operations[operation] = nil
            await self.perform(self.session.completed(operation))
        case .failed(let operation, let error):
            self.operations[operation] = nil
            if case .forbidden(let denial) = error {
                self.driver.logger.info(
                    "STOMP access denied",
                    metadata: ["session": "\(self.id)", "subject": "\(denial.subject)", "verb": "\(denial.verb.rawValue)", "topic": "\(denial.topic)"])
            }
            await self.perform(self.session.failed(operation, message: error.message, detail: error.detail))
        case .tick:
            // A timer moved earlier may have fired already: its tick keeps the newer timer.
            if let timer = self.timer, timer.deadline <= .now() {
                self.timer = nil
            }
            if let written = self.writer.lastDeliveryWritten {
                self.session.didWrite(now: written)
            }
            await self.perform(self.session.tick(now: .now()))
        }
    }

    /// Sets the timer for the session's next tick, unless one is set for that time or
    /// earlier; moves it when the tick came earlier (`CONNECTED` replaces the connect
    /// deadline, 10 s by default, with the first heart-beat); drops it when nothing is due
    /// any more (a connect timeout once connected without heart-beats).
    ///
    /// On the event loop rather than a sleeping task: a cancelled sleep kept its task and
    /// timer until the deadline, ~2 KiB for each session that connected within the
    /// connect timeout.
    mutating func scheduleTick() {
        guard let deadline = self.session.nextTick else {
            self.timer?.task.cancel()
            self.timer = nil
            return
        }
        if let timer = self.timer {
            guard deadline < timer.deadline else {
                return
            }
            timer.task.cancel()
        }
        let mailbox = self.mailbox
        let task = self.eventLoop.scheduleTask(deadline: deadline) {
            mailbox.yield(.tick)
        }
        self.timer = (task, deadline)
    }

    /// Waits until the client's publications in flight are stored: they queue faster than
    /// the database stores them, so the client's input waits (see ``InboundCredit``). If
    /// the connection is cancelled meanwhile (shutdown), so are they.
    private func waitForPublications() async {
        guard let last = self.lastPublication else {
            return
        }
        let operations = Array(self.operations.values)
        await withTaskCancellationHandler {
            await last.value
        } onCancel: {
            operations.forEach { $0.cancel() }
        }
    }

    /// Tells the session which messages that need an `ACK` went, or are going, to the client.
    private mutating func recordDelivered(_ acknowledgeable: [(subscription: String, ackID: String)]) {
        for (subscription, ackID) in acknowledgeable {
            self.session.delivered(subscription: subscription, ackID: ackID)
        }
    }

    /// Ends the connection after its last event: cancels what still runs for it, leaves
    /// the hub, closes the socket (politely, within ``ConnectionDriver/closeHandshakeTimeout``)
    /// and releases its place in the limits.
    mutating func close() async {
        self.writer.seal()
        self.session.connectionClosed()
        self.timer?.task.cancel()
        for task in self.operations.values {
            task.cancel()
        }
        self.operations = [:]
        let driver = self.driver
        driver.watchdog.unwatch(self.link.clock)
        var reason = self.closeReason
        if self.link.clock.hasStalled {
            driver.metrics.writeTimeouts.increment()
            reason = "the client took no bytes for \(driver.writeTimeout)"
        }
        let transportName = type(of: self.link.transport).name
        driver.logger.info("session closed", metadata: ["session": "\(self.id)", "transport": "\(transportName)", "reason": "\(reason)"])
        self.link.credit.close()
        await driver.hub.remove(self.id)
        await self.link.transport.close(within: ConnectionDriver.closeHandshakeTimeout)
        if self.link.isAdmitted {
            driver.admission.release(address: self.link.address)
        }
        // After the release: a session no longer counted as open has freed its slot.
        driver.metrics.sessionsOpen[transportName]?.decrement()
        driver.sessions.remove(self.mailbox)
    }
}
