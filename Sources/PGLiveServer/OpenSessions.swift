import ServiceLifecycle
import Synchronization

/// The STOMP connections of both endpoints that have not ended yet. At graceful shutdown
/// it stops taking new ones and waits until the open ones have ended: their last frames
/// written and their sockets closed.
///
/// Listed before the endpoints and after ``SessionTerminator`` in the service group, so it
/// stops after the terminator has told every session to end and before the endpoints stop.
/// When the group's shutdown timeout cancels it, it cancels what the sessions are doing
/// (their publications in flight, their close handshakes) and stops waiting.
final class OpenSessions: Service, Sendable {
    private let state = Mutex(State())

    private struct State {
        var mailboxes: [ObjectIdentifier: ConnectionMailbox] = [:]
        var isTakingSessions = true
        /// The shutdown, waiting for the last session to end.
        var waiter: CheckedContinuation<Void, Never>?
        /// The shutdown stopped waiting.
        var isCancelled = false

        /// The shutdown's wait, taken so that it is resumed once.
        mutating func takeWaiter() -> CheckedContinuation<Void, Never>? {
            defer { self.waiter = nil }
            return self.waiter
        }
    }

    /// Creates an empty set.
    init() {}

    /// Counts a new connection in; `false` once the server no longer takes sessions.
    ///
    /// - Parameters:
    ///   - mailbox: The connection's mailbox.
    func add(_ mailbox: ConnectionMailbox) -> Bool {
        self.state.withLock { state in
            guard state.isTakingSessions else {
                return false
            }
            state.mailboxes[ObjectIdentifier(mailbox)] = mailbox
            return true
        }
    }

    /// Counts a connection out once it has ended.
    ///
    /// - Parameters:
    ///   - mailbox: The connection's mailbox.
    func remove(_ mailbox: ConnectionMailbox) {
        self.state.withLock { state in
            state.mailboxes[ObjectIdentifier(mailbox)] = nil
            return state.mailboxes.isEmpty ? state.takeWaiter() : nil
        }?.resume()
    }

    func run() async {
        try? await gracefulShutdown()
        await withTaskCancellationHandler {
            await withCheckedContinuation { waiter in
                self.state.withLock { state in
                    state.isTakingSessions = false
                    state.waiter = waiter
                    return state.mailboxes.isEmpty || state.isCancelled ? state.takeWaiter() : nil
                }?.resume()
            }
        } onCancel: {
            let (mailboxes, waiter) = self.state.withLock { state in
                state.isTakingSessions = false
                state.isCancelled = true
                return (Array(state.mailboxes.values), state.takeWaiter())
            }
            mailboxes.forEach { $0.cancel() }
            waiter?.resume()
        }
    }
}
