import Synchronization

/// How many of a client's received bytes its connection has not handled yet. The
/// connection stops reading while they reach the budget, so a client whose input the connection
/// cannot keep up with (its answers cannot be written because it does not read, its
/// publications are slower than its SENDs) is pushed back by TCP instead of filling the
/// server's memory.
///
/// Without it, a client that wrote frames with receipts and never read got 1 GiB into
/// the server in 5 s (`InboundBackpressureTests`).
///
/// One reader waits at a time; ``close()`` lets it go for good.
final class InboundCredit: Sendable {
    private let state: Mutex<State>

    private struct State {
        /// Unhandled bytes at which the reader waits.
        let budget: Int
        var outstanding = 0
        var reader: (@Sendable () -> Void)?
        var isClosed = false

        var hasRoom: Bool {
            self.isClosed || self.outstanding < self.budget
        }
    }

    /// Creates the credit of a new connection.
    ///
    /// - Parameters:
    ///   - budget: Unhandled bytes at which the reader waits.
    init(budget: Int) {
        self.state = Mutex(State(budget: budget))
    }

    /// Counts `bytes` as handed to the connection; returns whether the reader may read on
    /// without waiting for ``whenRoom(_:)``.
    func take(_ bytes: Int) -> Bool {
        self.state.withLock { state in
            state.outstanding += bytes
            return state.hasRoom
        }
    }

    /// Calls `resume` once the connection has handled enough to fall below the budget: at
    /// once if it has, else from the call that counts the bytes handled (any thread).
    ///
    /// - Parameters:
    ///   - resume: Lets the reader read on.
    func whenRoom(_ resume: @escaping @Sendable () -> Void) {
        let hasRoom = self.state.withLock { state in
            if !state.hasRoom {
                state.reader = resume
            }
            return state.hasRoom
        }
        if hasRoom {
            resume()
        }
    }

    /// Counts a received chunk as handled once the connection handled `event`.
    func handled(_ event: ConnectionEvent) {
        if case .received(let bytes) = event {
            self.release(bytes.readableBytes)
        }
    }

    /// Counts `bytes` as handled; wakes the reader once they fall below the budget.
    private func release(_ bytes: Int) {
        let reader = self.state.withLock { state -> (@Sendable () -> Void)? in
            state.outstanding -= bytes
            guard state.hasRoom else {
                return nil
            }
            defer { state.reader = nil }
            return state.reader
        }
        reader?()
    }

    /// Lets the reader go, now and from now on: the connection has ended.
    func close() {
        let reader = self.state.withLock { state in
            state.isClosed = true
            defer { state.reader = nil }
            return state.reader
        }
        reader?()
    }
}
