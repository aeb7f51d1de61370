/// The outcome of a `pglive bench` run: the arithmetic over what was sent and received.
///
/// `deliveredPerSecond` is first deliveries divided by the time from the first SEND to the
/// later of the end of the send phase and the last delivery, so deliveries that trail
/// behind a saturated broker do not inflate the rate.
///
/// ```swift
/// let report = BenchReport(run: run, publish: result, received: merged)
/// report.lost // expected − delivered
/// ```
public struct BenchReport: Sendable, Equatable, Codable {
    /// `paced`, `saturation` or `idle`.
    public var mode: String
    /// Subscribers asked for.
    public var subscribers: Int
    /// Subscribers whose CONNECT and SUBSCRIBE receipt succeeded.
    public var connectedSubscribers: Int
    /// Messages per second asked for; 0 for saturation.
    public var rateRequested: Int
    /// The send phase's planned length.
    public var seconds: Int
    /// Messages the publisher sent.
    public var messagesSent: Int
    /// `messagesSent × connectedSubscribers`.
    public var expectedDeliveries: UInt64
    /// First deliveries counted by all subscribers.
    public var delivered: UInt64
    /// `expectedDeliveries − delivered` (never negative).
    public var lost: UInt64
    /// Repeated deliveries of a sequence number to one subscriber.
    public var duplicates: UInt64
    /// MESSAGE frames that were not benchmark messages.
    public var unrecognised: UInt64
    /// The send phase's real length, in seconds.
    public var sendPhaseSeconds: Double
    /// First deliveries per second (see the type's description).
    public var deliveredPerSecond: Double
    /// Latency from SEND to MESSAGE, in milliseconds.
    public var latencyMilliseconds: LatencySummary
    /// Connections that failed: to open, CONNECT or SUBSCRIBE, or later.
    public var connectionErrors: Int
    /// The first connection failure's explanation, if any.
    public var firstError: String?

    enum CodingKeys: String, CodingKey {
        case mode, subscribers, seconds, delivered, lost, duplicates, unrecognised
        case connectedSubscribers = "connected_subscribers"
        case rateRequested = "rate_requested"
        case messagesSent = "messages_sent"
        case expectedDeliveries = "expected_deliveries"
        case sendPhaseSeconds = "send_phase_seconds"
        case deliveredPerSecond = "delivered_per_second"
        case latencyMilliseconds = "latency_ms"
        case connectionErrors = "connection_errors"
        case firstError = "first_error"
    }

    /// Computes the report.
    ///
    /// - Parameters:
    ///   - run: The run's shape and connection outcome.
    ///   - publish: What the publisher did; `nil` in idle mode or when it never started.
    ///   - received: All subscribers' statistics, merged.
    public init(run: BenchRun, publish: PublishResult?, received: SubscriberStats) {
        let sent = publish?.sent ?? 0
        let expected = UInt64(sent) * UInt64(run.connectedSubscribers)
        self.mode = run.idle ? "idle" : (run.rate == 0 ? "saturation" : "paced")
        self.subscribers = run.subscribers
        self.connectedSubscribers = run.connectedSubscribers
        self.rateRequested = run.rate
        self.seconds = run.seconds
        self.messagesSent = sent
        self.expectedDeliveries = expected
        self.delivered = received.delivered
        self.lost = expected > received.delivered ? expected - received.delivered : 0
        self.duplicates = received.duplicates
        self.unrecognised = received.unrecognised
        self.latencyMilliseconds = LatencySummary(received.latency)
        self.connectionErrors = run.connectionErrors + received.lostConnections
        self.firstError = run.firstError
        guard let publish else {
            self.sendPhaseSeconds = 0
            self.deliveredPerSecond = 0
            return
        }
        self.sendPhaseSeconds = Double(publish.endedAt - publish.startedAt) / 1e9
        let end = max(publish.endedAt, received.lastDeliveryAt)
        let span = Double(end - publish.startedAt) / 1e9
        self.deliveredPerSecond = span > 0 ? Double(received.delivered) / span : 0
    }
}
