import Broker
import ChangeFeed
import STOMP

/// The one owner of the process's ``Broker``: the change feed publishes into it, every
/// connection subscribes, drains and acknowledges through it.
///
/// An actor rather than a `Mutex`-protected struct because every caller is already async
/// (the feed's delivery, the connection drivers) and waiting for the actor suspends a task
/// instead of blocking a thread of the small concurrency pool while another fans out a
/// large batch. No method awaits inside, so each call is atomic: that is what makes the
/// switch from replay to live gap-free (``finishReplay(session:subscription:through:)``).
actor BrokerHub {
    /// The fan-out core.
    private var broker: Broker
    /// The topics of `pglive.topics`, as last read.
    private var directory = TopicDirectory()
    /// Each session's mailbox, to wake it for draining or end it.
    private var mailboxes: [String: AsyncStream<ConnectionEvent>.Continuation] = [:]
    /// The last position the feed published.
    private var lastPublished: Int64
    /// Replays waiting for their session's queue to shrink, by session.
    private var roomWaiters: [String: [(below: Int, continuation: CheckedContinuation<Void, Never>)]] = [:]
    /// Set once shutdown began: no new session is admitted.
    private var shutdownReason: (message: String, detail: String)?

    /// Creates the hub.
    ///
    /// - Parameters:
    ///   - configuration: The broker's limits and policies.
    ///   - position: The position the feed starts after.
    init(configuration: Broker.Configuration, startingAfter position: Int64) {
        self.broker = Broker(configuration: configuration)
        self.lastPublished = position
    }

    /// Registers a connection's mailbox; a connection arriving during shutdown is ended at once.
    func register(_ session: String, mailbox: AsyncStream<ConnectionEvent>.Continuation) {
        if let reason = self.shutdownReason {
            mailbox.yield(.terminate(message: reason.message, detail: reason.detail))
        }
        self.mailboxes[session] = mailbox
    }

    /// Adds a connected session to the broker.
    func addSession(_ session: String, version: STOMPVersion) throws(BrokerError) {
        try self.broker.addSession(session, version: version)
    }

    /// Forgets a closed connection and everything the broker holds for it.
    func remove(_ session: String) {
        self.mailboxes[session] = nil
        self.broker.removeSession(session)
        self.resumeWaiters(of: session)
    }

    /// Fans a batch of the feed out, in position order.
    func publish(_ events: [LoggedEvent]) {
        for event in events {
            if let event = BrokerEvent(event) {
                self.perform(self.broker.publish(event))
            }
        }
        if let last = events.last {
            self.lastPublished = last.position
        }
    }

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

    /// Queues replayed events for a replaying subscription.
    ///
    /// - Returns: `false` when the subscription is gone (unsubscribed, or the session closed).
    func replay(_ events: [LoggedEvent], session: String, subscription: String) -> Bool {
        guard self.broker.hasSubscription(session: session, id: subscription) else {
            return false
        }
        self.perform(self.broker.replay(events.compactMap(BrokerEvent.init), session: session, subscription: subscription))
        return true
    }

    /// Switches a replaying subscription to live events if the replay reached everything
    /// the feed published; atomic, so no event is published in between.
    ///
    /// - Returns: `true` when the subscription is live now (or gone); `false` when the feed
    ///   published past `position` and the replay must read further first.
    func finishReplay(session: String, subscription: String, through position: Int64) -> Bool {
        guard self.lastPublished <= position else {
            return false
        }
        self.broker.endReplay(session: session, subscription: subscription, through: position)
        return true
    }

    /// Removes a subscription.
    func unsubscribe(session: String, id: String) {
        self.perform(self.broker.unsubscribe(session: session, id: id))
    }

    /// Returns credit for acknowledged or refused messages.
    func acknowledged(_ acknowledgement: STOMPSession.Acknowledgement, session: String) {
        self.perform(self.broker.acknowledged(acknowledgement, session: session))
    }

    /// Takes the next frames queued for a session.
    func drain(session: String, maxBytes: Int) -> Broker.Drain {
        let drain = self.broker.drain(session: session, maxBytes: maxBytes)
        self.resumeWaiters(of: session)
        return drain
    }

    /// Suspends until the session holds fewer than `frames` frames (or is gone), so a
    /// replay reads the log no faster than the client takes it.
    func waitForRoom(session: String, below frames: Int) async {
        guard self.broker.heldFrames(session: session) >= frames, self.mailboxes[session] != nil else {
            return
        }
        await withCheckedContinuation { continuation in
            self.roomWaiters[session, default: []].append((frames, continuation))
        }
    }

    /// Resumes the replays of a session that now have room.
    private func resumeWaiters(of session: String) {
        guard let waiters = self.roomWaiters.removeValue(forKey: session) else {
            return
        }
        let held = self.mailboxes[session] == nil ? 0 : self.broker.heldFrames(session: session)
        var waiting: [(below: Int, continuation: CheckedContinuation<Void, Never>)] = []
        for waiter in waiters {
            if held < waiter.below {
                waiter.continuation.resume()
            } else {
                waiting.append(waiter)
            }
        }
        self.roomWaiters[session] = waiting.isEmpty ? nil : waiting
    }

    /// Ends every session with an `ERROR` and admits no new one.
    func shutDown(message: String, detail: String) {
        self.shutdownReason = (message, detail)
        for mailbox in self.mailboxes.values {
            mailbox.yield(.terminate(message: message, detail: detail))
        }
    }

    /// Wakes or ends the sessions the broker names.
    private func perform(_ actions: [Broker.Action]) {
        for action in actions {
            switch action {
            case .drain(let session):
                self.mailboxes[session]?.yield(.drain)
            case .disconnect(let session, let error):
                self.mailboxes[session]?.yield(.terminate(message: error.message, detail: error.detail))
            }
        }
    }
}
