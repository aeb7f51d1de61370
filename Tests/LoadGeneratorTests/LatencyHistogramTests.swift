import LoadGenerator
import Testing

@Suite("Latency histogram")
struct LatencyHistogramTests {
    /// Whether `actual` is within 1% of `expected`.
    static func close(_ actual: UInt64, _ expected: UInt64) -> Bool {
        let difference = actual > expected ? actual - expected : expected - actual
        return Double(difference) <= Double(expected) * 0.01
    }

    @Test("an empty histogram reports zeros")
    func empty() {
        let histogram = LatencyHistogram()
        #expect(histogram.count == 0)
        #expect(histogram.percentile(50) == 0)
        #expect(histogram.max == 0)
    }

    @Test("small values are exact")
    func smallValuesExact() {
        var histogram = LatencyHistogram()
        for value in UInt64(1)...100 {
            histogram.record(value)
        }
        #expect(histogram.percentile(50) == 50)
        #expect(histogram.percentile(99) == 99)
        #expect(histogram.percentile(100) == 100)
        #expect(histogram.min == 1)
    }

    @Test(
        "percentiles of 1 µs…10 s are within 1%",
        arguments: [UInt64(1_000), 1_000_000, 10_000_000])
    func percentilesWithinOnePercent(step: UInt64) {
        var histogram = LatencyHistogram()
        for index in UInt64(1)...10_000 {
            histogram.record(index * step)
        }
        #expect(Self.close(histogram.percentile(50), 5_000 * step))
        #expect(Self.close(histogram.percentile(99), 9_900 * step))
        #expect(Self.close(histogram.percentile(99.9), 9_990 * step))
        #expect(histogram.max == 10_000 * step)
        #expect(histogram.percentile(100) == histogram.max)
    }

    @Test("a single value is reported exactly at every percentile")
    func singleValue() {
        var histogram = LatencyHistogram()
        histogram.record(123_456_789)
        #expect(histogram.percentile(0) == 123_456_789)
        #expect(histogram.percentile(50) == 123_456_789)
        #expect(histogram.percentile(99.9) == 123_456_789)
    }

    @Test("merging equals recording everything in one histogram")
    func merge() {
        var left = LatencyHistogram()
        var right = LatencyHistogram()
        var both = LatencyHistogram()
        for value in stride(from: UInt64(500), through: 5_000_000, by: 997) {
            if value % 2 == 0 { left.record(value) } else { right.record(value) }
            both.record(value)
        }
        var merged = LatencyHistogram()
        merged.merge(left)
        merged.merge(right)
        #expect(merged == both)
    }

    @Test("values past the last bucket keep an exact maximum")
    func hugeValues() {
        var histogram = LatencyHistogram()
        histogram.record(UInt64.max / 2)
        histogram.record(1)
        #expect(histogram.max == UInt64.max / 2)
        #expect(histogram.percentile(100) == UInt64.max / 2)
        #expect(histogram.percentile(50) == 1)
    }
}
