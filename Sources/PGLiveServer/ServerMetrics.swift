import Metrics
import NIOCore
import Prometheus

/// One server's metrics: swift-metrics instruments made by a ``DescribedMetricsFactory``
/// over a `PrometheusCollectorRegistry` that this server owns and `GET /metrics` renders.
///
/// Why not `MetricsSystem.bootstrap`: it may be called once per process, while tests (and
/// an application embedding pglive) run several servers in one process; with one global
/// registry their counters would add up, and a second bootstrap would trap. So every
/// instrument is made with an explicit `factory:` and nothing touches the global system;
/// libraries that record through `MetricsSystem` are not shown on `/metrics`.
///
/// ```swift
/// let metrics = ServerMetrics()
/// metrics.stomp.bytesOut.increment(by: 42)
/// let text = metrics.render()
/// ```
struct ServerMetrics: Sendable {
    /// Where every instrument of this server is registered.
    let registry = PrometheusCollectorRegistry()
    /// Makes instruments in ``registry``.
    let factory: DescribedMetricsFactory
    /// The connections' instruments.
    let stomp: STOMPMetrics
    /// Commit → frames queued, observed once per event of each feed batch.
    let commitToFrame: Metrics.Timer
    /// Events deleted by retention.
    let eventsPruned: Metrics.Counter

    /// Creates the registry and the instruments recorded outside scrapes.
    init() {
        self.factory = DescribedMetricsFactory(registry: self.registry)
        self.stomp = STOMPMetrics(factory: self.factory)
        self.commitToFrame = Metrics.Timer(label: PGLiveMetric.commitToFrame.rawValue, factory: self.factory)
        self.eventsPruned = Metrics.Counter(label: PGLiveMetric.eventsPruned.rawValue, factory: self.factory)
    }

    /// The registry in the Prometheus text format.
    func render() -> ByteBuffer {
        ByteBuffer(bytes: self.registry.emitToBuffer())
    }
}
