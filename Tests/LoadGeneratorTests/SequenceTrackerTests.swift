import LoadGenerator
import Testing

@Suite("Sequence tracker")
struct SequenceTrackerTests {
    /// Observes each number in turn and returns which were first deliveries.
    static func observe(_ sequences: [UInt64], into tracker: inout SequenceTracker) -> [Bool] {
        sequences.map { tracker.observe($0) }
    }

    @Test("in-order deliveries are all first deliveries")
    func inOrder() {
        var tracker = SequenceTracker()
        let firsts = Self.observe([0, 1, 2, 3, 4], into: &tracker)
        #expect(firsts == [true, true, true, true, true])
        #expect(tracker.nextExpected == 5)
        #expect(tracker.duplicates == 0)
        #expect(tracker.gapCount == 0)
    }

    @Test("a repeated number is a duplicate")
    func duplicate() {
        var tracker = SequenceTracker()
        let firsts = Self.observe([0, 1, 1, 0], into: &tracker)
        #expect(firsts == [true, true, false, false])
        #expect(tracker.duplicates == 2)
    }

    @Test("a late number fills its gap once, then is a duplicate")
    func reordered() {
        var tracker = SequenceTracker()
        let firsts = Self.observe([0, 3, 2, 2], into: &tracker)
        #expect(firsts == [true, true, true, false])
        #expect(tracker.gapCount == 1)
        #expect(tracker.duplicates == 1)
        #expect(tracker.nextExpected == 4)
    }
}
