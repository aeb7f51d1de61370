import NIOCore
import Synchronization

/// The one way frames reach a session's client: the connection's own frames (`CONNECTED`,
/// `RECEIPT`, `ERROR`, heart-beats) and the broker's deliveries, which the ``BrokerHub``
/// pushes here directly, without a task of the connection's (``ConnectionMailbox``).
///
/// At most one write of broker frames is in flight per session (``beginDelivery()``):
/// while it is, new frames stay in the broker's queue, where the slow-consumer limits
/// count them, and the hub is asked to deliver them once the write completes. Every
/// write is timed by the session's ``WriteClock`` for the server's ``WriteWatchdog``.
final class SessionWriter: Sendable {
    /// Writes to the client.
    private let transport: any FrameTransport
    /// Times the write in progress.
    private let clock: WriteClock
    /// Delivers what queued during a write.
    private let hub: BrokerHub
    /// The session's id in the hub.
    private let session: String
    private let state = Mutex(State())

    private struct State {
        /// A drain's frames are being written.
        var delivering = false
        /// Frames were queued while ``delivering``: drain again after the write.
        var drainWanted = false
        /// The session is ending: no more deliveries.
        var isSealed = false
        /// Waiting for the delivery in flight before the session's last frames.
        var sealWaiters: [CheckedContinuation<Void, Never>] = []
        /// When the last delivery was written, for the session's heart-beats.
        var lastDeliveryWritten: NIODeadline?
    }

    /// Creates the writer of a new connection.
    ///
    /// - Parameters:
    ///   - transport: Writes to the client.
    ///   - clock: Times each write.
    ///   - hub: The hub that delivers the broker's frames.
    ///   - session: The session's id.
    init(transport: any FrameTransport, clock: WriteClock, hub: BrokerHub, session: String) {
        self.transport = transport
        self.clock = clock
        self.hub = hub
        self.session = session
    }

    /// Writes frames and waits until they are written, flushing once.
    func write(_ frames: [OutboundFrame]) async throws {
        self.clock.writeBegins()
        defer { self.clock.writeEnds() }
        try await self.transport.write(frames)
    }

    /// Claims the right to write the next drain of the broker's queue; `false` when a
    /// drain's write is in flight (a drain is then wanted after it) or the session is ending.
    func beginDelivery() -> Bool {
        self.state.withLock { state in
            guard !state.delivering, !state.isSealed else {
                state.drainWanted = !state.isSealed
                return false
            }
            state.delivering = true
            return true
        }
    }

    /// Gives the right back after a drain's write; returns whether frames queued meanwhile.
    ///
    /// - Parameters:
    ///   - written: When the drain's frames were written; `nil` when none were.
    func endDelivery(written: NIODeadline?) -> Bool {
        let (wanted, sealWaiters) = self.state.withLock { state in
            defer {
                state.drainWanted = false
                state.sealWaiters = []
            }
            state.delivering = false
            if let written {
                state.lastDeliveryWritten = written
            }
            return (state.drainWanted && !state.isSealed, state.sealWaiters)
        }
        for waiter in sealWaiters {
            waiter.resume()
        }
        return wanted
    }

    /// Writes a drain's frames without waiting, after ``beginDelivery()`` returned `true`;
    /// once written, gives the right back and asks the hub for the next drain if more is
    /// queued. A failed write closes the connection.
    ///
    /// - Parameters:
    ///   - frames: The drain's frames.
    ///   - hasMore: Whether the broker holds more frames for the session.
    func deliver(_ frames: [OutboundFrame], hasMore: Bool) {
        self.clock.writeBegins()
        self.transport.send(frames) { [self] error in
            self.clock.writeEnds()
            let wanted = self.endDelivery(written: error == nil ? .now() : nil)
            if error != nil {
                Task { await self.transport.abort() }
            } else if hasMore || wanted {
                self.hub.requestDelivery(to: self.session)
            }
        }
    }

    /// When the hub's last delivery to the session was written, if one was: the session
    /// counts it as a write, so it sends heart-beats only when the connection is quiet.
    var lastDeliveryWritten: NIODeadline? {
        self.state.withLock { $0.lastDeliveryWritten }
    }

    /// Stops deliveries before the session's last frames (`ERROR`, the `DISCONNECT`
    /// receipt) and waits until a delivery already claimed is written: its write could
    /// otherwise reach the event loop after those frames.
    func sealBeforeLastFrames() async {
        await withCheckedContinuation { continuation in
            let inFlight = self.state.withLock { state in
                state.isSealed = true
                if state.delivering {
                    state.sealWaiters.append(continuation)
                }
                return state.delivering
            }
            if !inFlight {
                continuation.resume()
            }
        }
    }

    /// Stops deliveries: the connection has ended.
    func seal() {
        self.state.withLock { $0.isSealed = true }
    }
}
