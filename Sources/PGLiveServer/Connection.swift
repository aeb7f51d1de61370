import Authorization
import Logging
import NIOCore
import STOMP

/// The state of one connection, owned by its ``ConnectionDriver`` loop: the session, the
/// operations in flight and the heart-beat timer.
struct Connection: Sendable {
    /// The services.
    let driver: ConnectionDriver
    /// The protocol state machine.
    var session: STOMPSession
    /// Who the session was authenticated as; `nil` before `CONNECTED`.
    var principal: Principal?
    /// Where operations and timers report back.
    let mailbox: AsyncStream<ConnectionEvent>.Continuation
    /// Writes to the client; the hub delivers through it too.
    let writer: SessionWriter
    /// Operations in flight, cancelled when the connection ends.
    var operations: [STOMPSession.OperationID: Task<Void, Never>] = [:]
    /// The last `SEND` or `COMMIT` stored or being stored: the next one waits for it, so a
    /// session's publications reach the log in the order it sent them.
    var lastPublication: Task<Void, Never>?
    /// The heart-beat timer, set for the session's next tick.
    var timer: Task<Void, Never>?
    /// Whether the connection is done.
    var isClosed = false
    /// Why the connection ended, for the log's "session closed" line.
    var closeReason = "the connection ended"
    /// The session's frame counts as last added to the server's metrics.
    var reportedFrames = (received: STOMPFrameCounts(), sent: STOMPFrameCounts())

    /// Creates the state of a new connection.
    init(
        driver: ConnectionDriver, session: STOMPSession, mailbox: AsyncStream<ConnectionEvent>.Continuation,
        writer: SessionWriter
    ) {
        self.driver = driver
        self.session = session
        self.mailbox = mailbox
        self.writer = writer
    }

    /// The session id.
    var id: String {
        self.session.id
    }

    /// Reacts to one event of the mailbox.
    mutating func handle(_ event: ConnectionEvent) async {
        switch event {
        case .received(let bytes):
            await self.perform(self.session.receive(bytes, now: .now()))
        case .peerClosed:
            self.session.connectionClosed()
            self.closeReason = "the client closed the connection"
            self.isClosed = true
        case .drain:
            await self.drain()
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
            self.timer = nil
            await self.perform(self.session.tick(now: .now()))
        }
    }

    /// Sets the heart-beat timer for the session's next tick, unless one is set.
    mutating func scheduleTick() {
        guard self.timer == nil, let deadline = self.session.nextTick else {
            return
        }
        let mailbox = self.mailbox
        let delay = max(0, (deadline - .now()).nanoseconds)
        self.timer = Task {
            guard (try? await Task.sleep(for: .nanoseconds(delay))) != nil else {
                return
            }
            mailbox.yield(.tick)
        }
    }

    /// Tells the session which messages that need an `ACK` went, or are going, to the client.
    mutating func recordDelivered(_ acknowledgeable: [(subscription: String, ackID: String)]) {
        for (subscription, ackID) in acknowledgeable {
            self.session.delivered(subscription: subscription, ackID: ackID)
        }
    }

    /// Cancels what is still running for the connection.
    mutating func end() {
        self.writer.seal()
        self.session.connectionClosed()
        self.timer?.cancel()
        for task in self.operations.values {
            task.cancel()
        }
        self.operations = [:]
    }
}
