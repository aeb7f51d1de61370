import Broker
import ChangeFeed
import Logging
import Metrics
import NIOCore
import PostgresLibPQ

/// Brings the metrics that are read rather than recorded up to date when `/metrics` is
/// scraped: the broker's counters (`MESSAGE` frames and bytes, slow consumers, drops) and
/// subscriptions, the feed's position and lag, the pool, and the NOTIFY queue.
///
/// Reading the broker's own counters at scrape time is what keeps metrics off the fan-out
/// path: the broker already counts each delivery inside the hub, so no delivery touches a
/// lock or an atomic for metrics. The database is read on a pooled connection, never the
/// `LISTEN` one, with one short query per scrape.
actor MetricsSampler {
    private let metrics: ServerMetrics
    private let hub: BrokerHub
    private let feed: ChangeFeed
    private let pool: PostgresPool
    private let logger: Logger
    /// The broker's counters as last added to the registry's counters.
    private var reported = Broker.Metrics()
    /// A gauge per topic that ever had a subscription.
    private var subscriptionGauges: [Topic: Gauge] = [:]
    private let slowConsumerDisconnects: Counter
    private let messagesDropped: Counter
    private let deliveredPosition: Gauge
    private let headPosition: Gauge
    private let lagPositions: Gauge
    private let lagSeconds: Gauge
    private let notifyQueueUsage: Gauge
    private let databaseUp: Gauge
    private let poolOpen: Gauge
    private let poolInUse: Gauge
    private let poolWaiters: Gauge

    /// Creates the sampler and the instruments it sets.
    ///
    /// - Parameters:
    ///   - metrics: The server's metrics.
    ///   - hub: The broker's owner.
    ///   - feed: The change feed.
    ///   - pool: The pool to report on and to query with.
    ///   - logger: Where failed database reads are logged.
    init(metrics: ServerMetrics, hub: BrokerHub, feed: ChangeFeed, pool: PostgresPool, logger: Logger) {
        self.metrics = metrics
        self.hub = hub
        self.feed = feed
        self.pool = pool
        self.logger = logger
        let factory = metrics.factory
        self.slowConsumerDisconnects = Counter(label: PGLiveMetric.slowConsumerDisconnects.rawValue, factory: factory)
        self.messagesDropped = Counter(label: PGLiveMetric.messagesDropped.rawValue, factory: factory)
        self.deliveredPosition = Gauge(label: PGLiveMetric.deliveredPosition.rawValue, factory: factory)
        self.headPosition = Gauge(label: PGLiveMetric.headPosition.rawValue, factory: factory)
        self.lagPositions = Gauge(label: PGLiveMetric.lagPositions.rawValue, factory: factory)
        self.lagSeconds = Gauge(label: PGLiveMetric.lagSeconds.rawValue, factory: factory)
        self.notifyQueueUsage = Gauge(label: PGLiveMetric.notifyQueueUsage.rawValue, factory: factory)
        self.databaseUp = Gauge(label: PGLiveMetric.databaseUp.rawValue, factory: factory)
        self.poolOpen = Gauge(label: PGLiveMetric.poolOpen.rawValue, factory: factory)
        self.poolInUse = Gauge(label: PGLiveMetric.poolInUse.rawValue, factory: factory)
        self.poolWaiters = Gauge(label: PGLiveMetric.poolWaiters.rawValue, factory: factory)
    }

    /// Samples everything, then renders the registry in the Prometheus text format.
    func scrape() async -> ByteBuffer {
        let reading = await self.hub.metricsReading()
        self.add(reading.counters)
        self.record(reading.subscriptions)
        let statistics = await self.pool.statistics
        self.poolOpen.record(statistics.open)
        self.poolInUse.record(statistics.leased)
        self.poolWaiters.record(statistics.waiters)
        let delivered = self.feed.status.lastDelivered
        self.deliveredPosition.record(delivered)
        do {
            let (lag, usage) = try await self.pool.withConnection { connection in
                (try EventLog.lag(after: delivered, on: connection),
                 try connection.query("SELECT pg_notification_queue_usage() AS usage").rows[0].decode("usage", as: Double.self))
            }
            self.headPosition.record(lag.head)
            self.lagPositions.record(lag.positions)
            self.lagSeconds.record(lag.seconds)
            self.notifyQueueUsage.record(usage)
            self.databaseUp.record(1)
        } catch {
            self.logger.warning("reading metrics from the database failed", metadata: ["error": "\(error)"])
            self.databaseUp.record(0)
        }
        return self.metrics.render()
    }

    /// Adds the growth of the broker's counters. They only grow, so a reading that an
    /// overlapping scrape already passed adds nothing.
    private func add(_ counters: Broker.Metrics) {
        func growth(_ path: WritableKeyPath<Broker.Metrics, Int>) -> Int {
            let growth = max(0, counters[keyPath: path] - self.reported[keyPath: path])
            self.reported[keyPath: path] += growth
            return growth
        }
        self.metrics.stomp.framesOut[.message]?.increment(by: growth(\.framesOut))
        self.metrics.stomp.bytesOut.increment(by: growth(\.bytesOut))
        self.slowConsumerDisconnects.increment(by: growth(\.slowConsumerDisconnects))
        self.messagesDropped.increment(by: growth(\.droppedMessages))
    }

    /// Sets each topic's subscription count; a topic that had subscriptions and has none
    /// now shows 0. The topics are those of `pglive.topics`, so the series are bounded.
    private func record(_ subscriptions: [Topic: Int]) {
        for topic in subscriptions.keys where self.subscriptionGauges[topic] == nil {
            self.subscriptionGauges[topic] = Gauge(
                label: PGLiveMetric.subscriptions.rawValue, dimensions: [("topic", topic.name)], factory: self.metrics.factory)
        }
        for (topic, gauge) in self.subscriptionGauges {
            gauge.record(subscriptions[topic] ?? 0)
        }
    }
}
