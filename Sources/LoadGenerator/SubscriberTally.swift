import NIOConcurrencyHelpers
import NIOCore

/// Counts one subscriber's deliveries; confined to its connection's event loop.
final class SubscriberTally {
    private var tracker = SequenceTracker()
    private var stats = SubscriberStats()
    /// First deliveries of all subscribers together, for the saturation window.
    private let deliveries: NIOLockedValueBox<Int>

    /// Creates a tally.
    ///
    /// - Parameters:
    ///   - deliveries: The count of all subscribers' first deliveries, shared.
    init(deliveries: NIOLockedValueBox<Int>) {
        self.deliveries = deliveries
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
        self.deliveries.withLockedValue { $0 += 1 }
    }

    /// Marks the subscriber's connection as lost.
    func recordLostConnection() {
        self.stats.lostConnections = 1
    }
}
