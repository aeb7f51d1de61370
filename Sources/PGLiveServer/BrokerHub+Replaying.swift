import Broker
import ChangeFeed

extension BrokerHub {
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
    func resumeWaiters(of session: String) {
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
}
