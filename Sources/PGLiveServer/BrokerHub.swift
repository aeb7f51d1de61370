import Broker
import ChangeFeed
import STOMP
import Synchronization

/// The one owner of the process's ``Broker``: the change feed publishes into it, every
/// connection subscribes and acknowledges through it, and it delivers the broker's frames
/// to each session's ``SessionWriter``.
///
/// An actor rather than a `Mutex`-protected struct because every caller is already async
/// (the feed's delivery, the connection drivers) and waiting for the actor suspends a task
/// instead of blocking a thread of the small concurrency pool while another fans out a
/// large batch. Methods suspend only between complete steps (``waitForRoom(session:below:)``
/// before it touches state, ``publish(_:)`` between slices it has fully published), so each
/// step is atomic: that is what makes the switch from replay to live gap-free
/// (``finishReplay(session:subscription:through:)``).
actor BrokerHub {
    /// The fan-out core.
    var broker: Broker
    /// The topics of `pglive.topics`, as last read.
    var directory = TopicDirectory()
    /// Each session's mailbox, to tell it of messages that need an `ACK`, or end it.
    var mailboxes: [String: ConnectionMailbox] = [:]
    /// Each session's writer, to deliver queued frames without waking the session.
    var writers: [String: SessionWriter] = [:]
    /// The last position the feed published.
    var lastPublished: Int64
    /// Replays waiting for their session's queue to shrink, by session.
    var roomWaiters: [String: [(below: Int, continuation: CheckedContinuation<Void, Never>)]] = [:]
    /// Sessions whose write completed with frames still queued, delivered together by one
    /// task of the hub (``requestDelivery(to:)``).
    private nonisolated let deliveryRequests = Mutex(DeliveryRequests())
    /// Set once shutdown began: no new session is admitted.
    private var shutdownReason: (message: String, detail: String)?
    /// Set when graceful shutdown begins, before sessions are ended: `/readyz` answers 503
    /// so load balancers stop sending clients here.
    private(set) var isDraining = false

    /// Marks the process as draining (``isDraining``).
    func beginDraining() {
        self.isDraining = true
    }

    /// Creates the hub.
    ///
    /// - Parameters:
    ///   - configuration: The broker's limits and policies.
    ///   - position: The position the feed starts after.
    init(configuration: Broker.Configuration, startingAfter position: Int64) {
        self.broker = Broker(configuration: configuration)
        self.lastPublished = position
    }

    /// Registers a connection's mailbox and writer; a connection arriving during shutdown
    /// is ended at once.
    func register(_ session: String, mailbox: ConnectionMailbox, writer: SessionWriter) {
        if let reason = self.shutdownReason {
            mailbox.yield(.terminate(message: reason.message, detail: reason.detail))
        }
        self.mailboxes[session] = mailbox
        self.writers[session] = writer
    }

    /// Adds a connected session to the broker.
    func addSession(_ session: String, version: STOMPVersion) throws(BrokerError) {
        try self.broker.addSession(session, version: version)
    }

    /// Forgets a closed connection and everything the broker holds for it.
    func remove(_ session: String) {
        self.mailboxes[session] = nil
        self.writers[session] = nil
        self.broker.removeSession(session)
        self.resumeWaiters(of: session)
    }

    /// Fans a batch of the feed out, in position order, in slices a quarter of a session's
    /// budget; between slices it waits (at most ``flowControlWait``) until every socket
    /// queue is below half its budget. So one large transaction reaches subscribers that
    /// keep up, instead of overflowing every queue at once; a consumer that stays behind
    /// still overflows and meets the slow-consumer policy.
    ///
    /// The wait is the only suspension: each slice is published and ``lastPublished``
    /// advanced in one step, so a replay switching to live never misses a slice.
    func publish(_ events: [LoggedEvent]) async {
        var start = events.startIndex
        while start < events.endIndex {
            if start > events.startIndex {
                await self.waitForFanOutRoom()
            }
            let end = self.sliceEnd(of: events, from: start)
            // Sessions are drained once per slice, after all of it is queued: one write
            // per session per slice instead of one for its first event and one for the rest.
            var actions: [Broker.Action] = []
            for event in events[start..<end] {
                if let event = BrokerEvent(event) {
                    actions += self.broker.publish(event)
                }
            }
            self.perform(actions)
            self.lastPublished = events[end - 1].position
            start = end
        }
    }

    /// The end of the slice starting at `start`: a quarter of a session's frame and byte budget.
    private func sliceEnd(of events: [LoggedEvent], from start: Int) -> Int {
        let frames = max(1, self.broker.configuration.maxQueuedFrames / 4)
        let bytes = max(1, self.broker.configuration.maxQueuedBytes / 4)
        var end = start
        var size = 0
        while end < events.endIndex, end - start < frames, end == start || size + events[end].payloadByteCount <= bytes {
            size += events[end].payloadByteCount
            end += 1
        }
        return end
    }

    /// Polls until every socket queue is below half its budget, or ``flowControlWait`` passed.
    private func waitForFanOutRoom() async {
        let deadline = ContinuousClock.now + Self.flowControlWait
        while !self.broker.queuesBelow(fraction: 0.5), ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(2))
        }
    }

    /// The longest the feed waits for sockets between slices of one batch.
    static let flowControlWait = Duration.seconds(1)

    /// The kind of a topic, as last read from the database.
    func kind(of topic: Topic) -> TopicKind? {
        self.directory.kind(of: topic)
    }

    /// Replaces the topic directory with a fresh read of `pglive.topics`.
    func replaceTopics(with directory: TopicDirectory) {
        self.directory.replace(with: directory)
    }

    /// Adds a subscription, replaying or live.
    func subscribe(session: String, _ subscription: Broker.Subscription) throws(BrokerError) {
        try self.broker.subscribe(session: session, subscription)
    }

    /// Removes a subscription.
    func unsubscribe(session: String, id: String) {
        self.perform(self.broker.unsubscribe(session: session, id: id))
    }

    /// Returns credit for acknowledged or refused messages.
    func acknowledged(_ acknowledgement: STOMPSession.Acknowledgement, session: String) {
        self.perform(self.broker.acknowledged(acknowledgement, session: session))
    }

    /// Takes the next frames queued for a session, at most ``drainBytes`` of them.
    private func drain(session: String) -> Broker.Drain {
        let drain = self.broker.drain(session: session, maxBytes: Self.drainBytes)
        self.resumeWaiters(of: session)
        return drain
    }

    /// The most bytes of frames written to a session at once.
    static let drainBytes = 256 << 10

    /// Writes a session's queued frames through its writer, from here, unless a write of
    /// its is in flight (the writer then asks for the next delivery when that write is done).
    /// The session's task is woken only for messages that need an `ACK`, so that it knows
    /// them before the client can acknowledge them.
    private func deliver(to session: String) {
        guard let writer = self.writers[session], writer.beginDelivery() else {
            return
        }
        let drain = self.drain(session: session)
        guard !drain.deliveries.isEmpty else {
            // Nothing queued (an empty drain has nothing more either), and only the hub
            // claims deliveries, so nothing can have asked for one meanwhile: give the
            // right back, which resumes a seal waiting for it.
            _ = writer.endDelivery(written: nil)
            return
        }
        let acknowledgeable = drain.acknowledgeable
        if !acknowledgeable.isEmpty {
            self.mailboxes[session]?.yield(.delivered(acknowledgeable))
        }
        writer.deliver(drain.frames, hasMore: drain.hasMore)
    }

    /// Sessions waiting for their next delivery, and whether a task of the hub will deliver them.
    private struct DeliveryRequests {
        var sessions: [String] = []
        var isScheduled = false
    }

    /// Asks for a session's queued frames to be delivered; from any thread (a completed
    /// write's callback). Requests made while a task is scheduled join it: at saturation,
    /// one task delivers to every session whose write completed meanwhile, rather than a
    /// task per session.
    ///
    /// - Parameters:
    ///   - session: The session's id.
    nonisolated func requestDelivery(to session: String) {
        let schedule = self.deliveryRequests.withLock { requests in
            requests.sessions.append(session)
            defer { requests.isScheduled = true }
            return !requests.isScheduled
        }
        if schedule {
            Task { await self.deliverRequested() }
        }
    }

    /// Delivers to the sessions ``requestDelivery(to:)`` named.
    private func deliverRequested() {
        let sessions = self.deliveryRequests.withLock { requests in
            defer { requests = DeliveryRequests() }
            return requests.sessions
        }
        for session in sessions {
            self.deliver(to: session)
        }
    }

    /// Ends every session with an `ERROR` and admits no new one.
    func shutDown(message: String, detail: String) {
        self.shutdownReason = (message, detail)
        for mailbox in self.mailboxes.values {
            mailbox.yield(.terminate(message: message, detail: detail))
        }
    }

    /// Waits until every session has ended (written its last frame and left the hub), or
    /// until `limit` passed.
    ///
    /// - Parameters:
    ///   - limit: The longest wait.
    func waitForSessionsToEnd(within limit: Duration) async {
        let deadline = ContinuousClock.now + limit
        while !self.mailboxes.isEmpty, ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(10))
        }
    }

    /// Wakes or ends the sessions the broker names.
    func perform(_ actions: [Broker.Action]) {
        for action in actions {
            switch action {
            case .drain(let session):
                self.deliver(to: session)
            case .disconnect(let session, let error):
                self.mailboxes[session]?.yield(.terminate(message: error.message, detail: error.detail))
            }
        }
    }
}
