import Synchronization

/// One connection's events and its state, handled in order by a task that exists only
/// while there are events to handle: an idle connection has no task.
///
/// A task keeps every stack slab its deepest call needed until it ends. With a task per
/// connection waiting on its events, an idle WebSocket session kept 14.6 KiB of slabs (of
/// 24.7 KiB in all, heaptrack of 2,000 idle sessions); with none, it takes 9.1 KiB in all
/// (`Benchmarks/RESULTS.md`).
///
/// The first event posted to an idle mailbox starts a handling task; events posted while
/// it runs are handled by it, in order, before it ends. One task at a time holds the
/// ``Connection``, so the session has one owner. Once the connection is closed, events
/// are dropped.
final class ConnectionMailbox: Sendable {
    private let state: Mutex<State>

    private struct State {
        /// Events not handled yet, oldest first.
        var events: [ConnectionEvent] = []
        /// The connection, while no task handles its events.
        var connection: Connection?
        /// The task handling the events, if one runs.
        var handling: Task<Void, Never>?
        /// Closed: events are dropped.
        var isClosed = false
    }

    /// Creates the mailbox of a new connection; ``open(_:)`` hands it the connection.
    init() {
        self.state = Mutex(State())
    }

    /// Hands the mailbox its connection and handles what was posted meanwhile.
    ///
    /// - Parameters:
    ///   - connection: The connection's state; it holds this mailbox.
    func open(_ connection: Connection) {
        self.state.withLock { state in
            state.connection = connection
            self.startHandling(&state)
        }
    }

    /// Posts an event; from any thread.
    ///
    /// - Parameters:
    ///   - event: The event.
    func yield(_ event: ConnectionEvent) {
        self.state.withLock { state in
            guard !state.isClosed else {
                return
            }
            state.events.append(event)
            self.startHandling(&state)
        }
    }

    /// Cancels the task handling the events, if one runs (the server's shutdown timeout).
    func cancel() {
        self.state.withLock { $0.handling }?.cancel()
    }

    /// Starts a task for the events, unless one runs, there are none, or the connection
    /// is not open yet.
    private func startHandling(_ state: inout State) {
        guard state.handling == nil, !state.events.isEmpty, let connection = state.connection else {
            return
        }
        state.connection = nil
        // Detached: the poster's task-local values (the hub's, an operation's) are not the
        // connection's business.
        state.handling = Task.detached {
            await self.handle(connection)
        }
    }

    /// Handles events until none is left or the connection closed.
    private func handle(_ connection: Connection) async {
        var connection = connection
        while let events = self.take(returning: connection) {
            for event in events {
                await connection.process(event)
                if connection.isClosed {
                    self.state.withLock { state in
                        state.isClosed = true
                        state.events = []
                    }
                    await connection.close()
                    self.state.withLock { $0.handling = nil }
                    return
                }
                connection.scheduleTick()
            }
        }
    }

    /// The events posted so far; `nil` when there are none, and then the connection goes
    /// back into the mailbox and the handling task ends.
    private func take(returning connection: Connection) -> [ConnectionEvent]? {
        self.state.withLock { state in
            guard !state.events.isEmpty else {
                state.connection = connection
                state.handling = nil
                return nil
            }
            defer { state.events = [] }
            return state.events
        }
    }
}
