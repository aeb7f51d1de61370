/// A log-linear histogram of latencies in nanoseconds, exact to within 0.4% at any scale.
///
/// Values below 128 ns are counted exactly. Above, every power of two is split into 128
/// equal buckets, so a bucket is at most 1/128 of its lower bound wide and a percentile,
/// reported as its bucket's midpoint, is off by at most half of that. The maximum and
/// minimum are kept exactly. Values past about 18 minutes fall in the last bucket.
///
/// ```swift
/// var histogram = LatencyHistogram()
/// histogram.record(1_500_000)
/// histogram.percentile(99) // ≈ 1_500_000
/// ```
public struct LatencyHistogram: Sendable, Equatable {
    private static let subBucketBits = 7
    private static let subBucketCount = 1 << subBucketBits
    private static let largestMagnitude = 40
    private static let bucketCount = (largestMagnitude - subBucketBits + 2) * subBucketCount

    /// Bucket counts, allocated on the first value so an idle subscriber costs nothing.
    private var counts: [UInt32] = []
    /// How many values were recorded.
    public private(set) var count: UInt64 = 0
    /// The largest value recorded, exactly; 0 when empty.
    public private(set) var max: UInt64 = 0
    /// The smallest value recorded, exactly; 0 when empty.
    public private(set) var min: UInt64 = 0

    /// Creates an empty histogram.
    public init() {}

    /// Counts one value.
    ///
    /// - Parameters:
    ///   - value: A latency in nanoseconds.
    public mutating func record(_ value: UInt64) {
        if self.counts.isEmpty {
            self.counts = Array(repeating: 0, count: Self.bucketCount)
            self.min = value
        }
        self.counts[Self.index(of: value)] += 1
        self.count += 1
        self.max = Swift.max(self.max, value)
        self.min = Swift.min(self.min, value)
    }

    /// Adds every value of another histogram to this one.
    ///
    /// - Parameters:
    ///   - other: The histogram to add.
    public mutating func merge(_ other: LatencyHistogram) {
        guard !other.counts.isEmpty else {
            return
        }
        guard !self.counts.isEmpty else {
            self = other
            return
        }
        for index in self.counts.indices {
            self.counts[index] += other.counts[index]
        }
        self.count += other.count
        self.max = Swift.max(self.max, other.max)
        self.min = Swift.min(self.min, other.min)
    }

    /// The value below or at which `percent` of the recorded values lie.
    ///
    /// ```swift
    /// histogram.percentile(50)   // median
    /// histogram.percentile(100)  // == histogram.max
    /// ```
    ///
    /// - Parameters:
    ///   - percent: From 0 to 100.
    /// - Returns: The midpoint of the bucket holding that rank, clamped to the exact minimum
    ///   and maximum; the exact maximum for the last rank; 0 when the histogram is empty.
    public func percentile(_ percent: Double) -> UInt64 {
        guard self.count > 0 else {
            return 0
        }
        let wanted = Double(self.count) * Swift.min(Swift.max(percent, 0), 100) / 100
        let rank = Swift.max(1, UInt64(wanted.rounded(.up)))
        guard rank < self.count else {
            return self.max
        }
        var seen: UInt64 = 0
        for (index, bucketCount) in self.counts.enumerated() where bucketCount > 0 {
            seen += UInt64(bucketCount)
            if seen >= rank {
                return Swift.min(Swift.max(Self.midpoint(of: index), self.min), self.max)
            }
        }
        return self.max
    }

    /// The bucket a value falls in.
    private static func index(of value: UInt64) -> Int {
        guard value >= UInt64(subBucketCount) else {
            return Int(value)
        }
        let magnitude = Swift.min(63 - value.leadingZeroBitCount, largestMagnitude)
        let shift = magnitude - subBucketBits
        let subBucket = Swift.min(Int(value >> UInt64(shift)), 2 * subBucketCount - 1)
        return (shift + 1) * subBucketCount + subBucket - subBucketCount
    }

    /// The middle of a bucket's range of values.
    private static func midpoint(of index: Int) -> UInt64 {
        guard index >= subBucketCount else {
            return UInt64(index)
        }
        let shift = index / subBucketCount - 1
        let subBucket = UInt64(index % subBucketCount + subBucketCount)
        let lowerBound = subBucket << UInt64(shift)
        return lowerBound + (UInt64(1) << UInt64(shift)) / 2
    }
}
