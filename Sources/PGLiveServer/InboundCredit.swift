import Synchronization

/// How many of a client's received bytes its connection has not handled yet. The reader
/// waits while they reach the budget, so a client whose input the connection cannot keep
/// up with (its answers cannot be written because it does not read, its publications are
/// slower than its SENDs) is pushed back by TCP instead of filling the server's memory.
///
/// Without it, a client that wrote frames with receipts and never read got 1 GiB into
/// the server in 5 s (`InboundBackpressureTests`).
///
/// One reader waits at a time; ``close()`` lets it go for good.
final class InboundCredit: Sendable {
    /// Unhandled bytes at which the reader waits.
    let budget: Int
    private let state = Mutex(State())

    private struct State {
        var outstanding = 0
        var reader: CheckedContinuation<Void, Never>?
        var isClosed = false
    }

    /// Creates the credit of a new connection.
    ///
    /// - Parameters:
    ///   - budget: Unhandled bytes at which the reader waits; a chunk larger than the
    ///     budget still passes once nothing else is outstanding.
    init(budget: Int) {
        self.budget = budget
    }

    /// Waits while the budget is used up, then counts `bytes` as handed to the connection.
    func take(_ bytes: Int) async {
        await withCheckedContinuation { continuation in
            let mayGo = self.state.withLock { state in
                guard state.isClosed || state.outstanding < self.budget else {
                    state.reader = continuation
                    return false
                }
                return true
            }
            if mayGo {
                continuation.resume()
            }
        }
        self.state.withLock { $0.outstanding += bytes }
    }

    /// Counts `bytes` as handled; wakes the reader once they fall below the budget.
    func release(_ bytes: Int) {
        let reader = self.state.withLock { state -> CheckedContinuation<Void, Never>? in
            state.outstanding -= bytes
            guard state.outstanding < self.budget else {
                return nil
            }
            defer { state.reader = nil }
            return state.reader
        }
        reader?.resume()
    }

    /// Lets the reader go, now and from now on: the connection has ended.
    func close() {
        let reader = self.state.withLock { state in
            state.isClosed = true
            defer { state.reader = nil }
            return state.reader
        }
        reader?.resume()
    }
}
