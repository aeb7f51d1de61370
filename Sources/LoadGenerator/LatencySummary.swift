/// Latency percentiles in milliseconds, as reported.
public struct LatencySummary: Sendable, Equatable, Codable {
    /// The median.
    public var p50: Double
    /// The 99th percentile.
    public var p99: Double
    /// The 99.9th percentile.
    public var p999: Double
    /// The largest latency, exact.
    public var max: Double

    enum CodingKeys: String, CodingKey {
        case p50, p99, max
        case p999 = "p99_9"
    }

    /// Summarises a histogram of nanoseconds.
    ///
    /// ```swift
    /// LatencySummary(histogram).p99 // milliseconds
    /// ```
    ///
    /// - Parameters:
    ///   - histogram: Latencies in nanoseconds.
    public init(_ histogram: LatencyHistogram) {
        func milliseconds(_ nanoseconds: UInt64) -> Double {
            Double(nanoseconds) / 1_000_000
        }
        self.p50 = milliseconds(histogram.percentile(50))
        self.p99 = milliseconds(histogram.percentile(99))
        self.p999 = milliseconds(histogram.percentile(99.9))
        self.max = milliseconds(histogram.max)
    }
}
