import Authorization
import BearerTokens
import Foundation
import Logging
import NIOCore
import STOMP

extension Connection {
    /// Performs the session's actions in order; frames are written in one flush unless an
    /// action in between must see them written first.
    mutating func perform(_ actions: [STOMPSession.Action]) async {
        var frames: [OutboundFrame] = []
        for action in actions {
            switch action {
            case .write(let bytes):
                self.driver.metrics.bytesOut.increment(by: bytes.readableBytes)
                frames.append(OutboundFrame(head: bytes, tail: nil))
            case .authenticate(let login, let passcode, let headers):
                await self.write(&frames)
                await self.authenticate(login: login, passcode: passcode, authorization: headers["Authorization"] ?? headers["authorization"])
            case .subscribe(let subscription, let operation):
                let opener = self.driver.opener
                let session = self.id
                let maxUnacked = self.session.configuration.maxUnackedMessages
                let principal = self.authorizingPrincipal
                self.start(operation) { () async throws(ServerError) in
                    try await opener.open(subscription, session: session, maxUnackedMessages: maxUnacked, principal: principal)
                }
            case .unsubscribe(let id):
                await self.driver.hub.unsubscribe(session: self.id, id: id)
            case .publish(let publication, let operation):
                let publisher = self.driver.publisher
                let principal = self.authorizingPrincipal
                self.startPublication(operation) { () async throws(ServerError) in
                    try await publisher.publish([publication], principal: principal)
                }
            case .commit(let transaction, let operation):
                let publisher = self.driver.publisher
                let principal = self.authorizingPrincipal
                self.startPublication(operation) { () async throws(ServerError) in
                    try await publisher.publish(transaction.publications, principal: principal)
                }
            case .ack(let acknowledgement), .nack(let acknowledgement):
                await self.driver.hub.acknowledged(acknowledgement, session: self.id)
            case .resumeDelivery:
                // The broker counts the same unacknowledged messages against the same limit.
                break
            case .close(let reason, let flushFirst):
                // No message follows the session's last frames.
                await self.writer.sealBeforeLastFrames()
                if flushFirst {
                    await self.write(&frames)
                }
                frames = []
                switch reason {
                case .disconnected: self.closeReason = "the client sent DISCONNECT"
                case .error(let error): self.closeReason = "ERROR: \(error)"
                }
                self.isClosed = true
            }
        }
        self.reportFrames()
        await self.write(&frames)
    }

    /// The principal operations are authorised for: the authenticated one, or (never
    /// reached, since the session asks for operations only once connected) one allowed nothing.
    private var authorizingPrincipal: Principal {
        self.principal ?? Principal(kind: .anonymous, subject: "unauthenticated", access: .nothing)
    }

    /// Checks credentials; a session that passes joins the broker before `CONNECTED`, and a
    /// token's expiry becomes the session's end. Logs the subject, never the credentials.
    private mutating func authenticate(login: String?, passcode: String?, authorization: String?) async {
        let principal: Principal
        do {
            principal = try await self.driver.authenticator.authenticate(login: login, passcode: passcode, authorization: authorization)
        } catch {
            var metadata: Logger.Metadata = ["session": "\(self.id)", "reason": "\(error)"]
            if authorization == nil, let login, !login.isEmpty, !BearerToken.looksLikeToken(passcode ?? "") {
                metadata["login"] = "\(login)"
            }
            self.driver.logger.info("STOMP authentication failed", metadata: metadata)
            await self.perform(self.session.authenticationFailed(message: "authentication failed", detail: error.detail))
            return
        }
        do {
            try await self.driver.hub.addSession(self.id, version: self.session.version)
        } catch {
            await self.perform(self.session.terminate(message: error.message, detail: error.detail))
            return
        }
        self.principal = principal
        self.driver.logger.debug(
            "STOMP session authenticated",
            metadata: ["session": "\(self.id)", "subject": "\(principal.subject)", "kind": "\(principal.kind.rawValue)"])
        await self.perform(self.session.authenticated(until: principal.expiresAt.map(Self.deadline(at:))))
    }

    /// The uptime deadline of a wall-clock instant: the session's timers run on uptime.
    private static func deadline(at date: Date) -> NIODeadline {
        let seconds = min(max(date.timeIntervalSinceNow, 0), 100 * 365 * 86_400)
        return .now() + .nanoseconds(Int64(seconds * 1e9))
    }

    /// Runs a `SEND` or `COMMIT` once the session's previous one is done, keeping the
    /// session's order in the log.
    private mutating func startPublication(
        _ operation: STOMPSession.OperationID, _ body: @escaping @Sendable () async throws(ServerError) -> Void
    ) {
        let previous = self.lastPublication
        self.start(operation) { () async throws(ServerError) in
            await previous?.value
            try await body()
        }
        self.lastPublication = self.operations[operation]
    }

    /// Runs an operation in a task of its own and reports its outcome to the mailbox.
    private mutating func start(
        _ operation: STOMPSession.OperationID, _ body: @escaping @Sendable () async throws(ServerError) -> Void
    ) {
        let mailbox = self.mailbox
        self.operations[operation] = Task {
            do throws(ServerError) {
                try await body()
                mailbox.yield(.completed(operation))
            } catch {
                mailbox.yield(.failed(operation, error))
            }
        }
    }

    /// Writes and empties `frames`; a failed write closes the connection.
    private mutating func write(_ frames: inout [OutboundFrame]) async {
        guard !frames.isEmpty, !self.isClosed else {
            frames = []
            return
        }
        do {
            try await self.writer.write(frames)
            self.session.didWrite(now: .now())
        } catch {
            self.driver.logger.debug("writing to the client failed", metadata: ["session": "\(self.id)", "error": "\(error)"])
            self.session.connectionClosed()
            self.closeReason = "writing to the client failed"
            self.isClosed = true
        }
        frames = []
    }
}
