import NIOConcurrencyHelpers
import NIOCore

/// Counts one subscriber's deliveries; confined to its connection's event loop.
final class SubscriberTally {
    private var tracker = SequenceTracker()
    private var stats = SubscriberStats()
    /// Where this subscriber publishes how many sequence numbers it has seen or skipped,
    /// for the saturation window; only the first subscriber has one.
    private let progress: NIOLockedValueBox<UInt64>?

    /// Creates a tally.
    ///
    /// - Parameters:
    ///   - progress: The box to publish ``SequenceTracker/nextExpected`` into, or `nil`.
    init(progress: NIOLockedValueBox<UInt64>?) {
        self.progress = progress
    }

    /// The statistics so far.
    var snapshot: SubscriberStats {
        self.stats
    }

    /// Counts one MESSAGE body received at `now`.
    ///
    /// - Parameters:
    ///   - body: The MESSAGE frame's body.
    ///   - now: The receive instant, `NIODeadline.now().uptimeNanoseconds`.
    func record(body: ByteBuffer, at now: UInt64) {
        guard let payload = BenchPayload(decoding: body) else {
            self.stats.unrecognised += 1
            return
        }
        guard self.tracker.observe(payload.sequence) else {
            self.stats.duplicates = self.tracker.duplicates
            return
        }
        self.stats.delivered += 1
        self.stats.latency.record(now >= payload.sentAt ? now - payload.sentAt : 0)
        self.stats.lastDeliveryAt = now
        if let progress = self.progress {
            let seen = self.tracker.nextExpected
            progress.withLockedValue { $0 = seen }
        }
    }

    /// Marks the subscriber's connection as lost.
    func recordLostConnection() {
        self.stats.lostConnections = 1
    }
}
