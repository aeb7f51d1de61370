import Metrics
import Prometheus

/// A swift-metrics `MetricsFactory` over one server's `PrometheusCollectorRegistry` that
/// gives each metric the `# HELP` text and buckets of its ``PGLiveMetric``.
///
/// swift-prometheus's own `PrometheusMetricsFactory` registers every metric without help
/// text, and a registry refuses one name with two different help texts, so this factory
/// makes the registry's metrics itself. A label that is no ``PGLiveMetric`` gets no help
/// text and the ``PGLiveMetric/commitToFrame`` buckets.
///
/// ```swift
/// let registry = PrometheusCollectorRegistry()
/// let factory = DescribedMetricsFactory(registry: registry)
/// Counter(label: PGLiveMetric.bytesOut.rawValue, factory: factory).increment(by: 42)
/// registry.emitToString() // "# HELP pglive_stomp_bytes_out_total Bytes of …"
/// ```
struct DescribedMetricsFactory: MetricsFactory {
    /// Where the metrics are registered and rendered from.
    let registry: PrometheusCollectorRegistry

    func makeCounter(label: String, dimensions: [(String, String)]) -> any CounterHandler {
        self.registry.makeCounter(descriptor: Self.descriptor(label), labels: dimensions)
    }

    func makeFloatingPointCounter(label: String, dimensions: [(String, String)]) -> any FloatingPointCounterHandler {
        self.registry.makeCounter(descriptor: Self.descriptor(label), labels: dimensions)
    }

    func makeRecorder(label: String, dimensions: [(String, String)], aggregate: Bool) -> any RecorderHandler {
        guard aggregate else {
            return self.registry.makeGauge(descriptor: Self.descriptor(label), labels: dimensions)
        }
        let buckets = Self.buckets(label).map { Double($0.components.seconds) + Double($0.components.attoseconds) / 1e18 }
        return self.registry.makeValueHistogram(descriptor: Self.descriptor(label), labels: dimensions, buckets: buckets)
    }

    func makeMeter(label: String, dimensions: [(String, String)]) -> any MeterHandler {
        self.registry.makeGauge(descriptor: Self.descriptor(label), labels: dimensions)
    }

    func makeTimer(label: String, dimensions: [(String, String)]) -> any TimerHandler {
        self.registry.makeDurationHistogram(descriptor: Self.descriptor(label), labels: dimensions, buckets: Self.buckets(label))
    }

    func destroyCounter(_ handler: any CounterHandler) {
        if let counter = handler as? Prometheus.Counter {
            self.registry.unregisterCounter(counter)
        }
    }

    func destroyFloatingPointCounter(_ handler: any FloatingPointCounterHandler) {
        if let counter = handler as? Prometheus.Counter {
            self.registry.unregisterCounter(counter)
        }
    }

    func destroyRecorder(_ handler: any RecorderHandler) {
        if let gauge = handler as? Prometheus.Gauge {
            self.registry.unregisterGauge(gauge)
        } else if let histogram = handler as? ValueHistogram {
            self.registry.unregisterValueHistogram(histogram)
        }
    }

    func destroyMeter(_ handler: any MeterHandler) {
        if let gauge = handler as? Prometheus.Gauge {
            self.registry.unregisterGauge(gauge)
        }
    }

    func destroyTimer(_ handler: any TimerHandler) {
        if let histogram = handler as? DurationHistogram {
            self.registry.unregisterDurationHistogram(histogram)
        }
    }

    /// The registry's name and help text of a label.
    private static func descriptor(_ label: String) -> MetricNameDescriptor {
        MetricNameDescriptor(metricName: label, unitName: "", helpText: PGLiveMetric(rawValue: label)?.help ?? "")
    }

    /// The buckets of a label's histogram.
    private static func buckets(_ label: String) -> [Duration] {
        let buckets = PGLiveMetric(rawValue: label)?.buckets ?? []
        return buckets.isEmpty ? PGLiveMetric.commitToFrame.buckets : buckets
    }
}
