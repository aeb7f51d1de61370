/// Tells first deliveries from duplicates for one subscriber, in memory proportional to
/// the gaps rather than to the messages seen.
///
/// Sequence numbers start at 0. A number past the highest seen opens a gap of the numbers
/// skipped; a number filling a gap is a late (reordered) first delivery; any other number
/// already seen is a duplicate.
///
/// ```swift
/// var tracker = SequenceTracker()
/// tracker.observe(0) // true
/// tracker.observe(0) // false: duplicate
/// ```
public struct SequenceTracker: Sendable {
    /// One past the highest sequence number seen; the count of numbers seen or skipped.
    public private(set) var nextExpected: UInt64 = 0
    /// How many deliveries repeated a number already seen.
    public private(set) var duplicates: UInt64 = 0
    /// Numbers below ``nextExpected`` not delivered yet.
    private var missing: Set<UInt64> = []

    /// Creates a tracker that has seen nothing.
    public init() {}

    /// How many numbers below ``nextExpected`` are still missing.
    public var gapCount: Int {
        self.missing.count
    }

    /// Records one delivery.
    ///
    /// - Parameters:
    ///   - sequence: The delivered message's sequence number.
    /// - Returns: `true` for a first delivery, `false` for a duplicate.
    @discardableResult
    public mutating func observe(_ sequence: UInt64) -> Bool {
        if sequence == self.nextExpected {
            self.nextExpected += 1
            return true
        }
        if sequence > self.nextExpected {
            for skipped in self.nextExpected..<sequence {
                self.missing.insert(skipped)
            }
            self.nextExpected = sequence + 1
            return true
        }
        if self.missing.remove(sequence) != nil {
            return true
        }
        self.duplicates += 1
        return false
    }
}
