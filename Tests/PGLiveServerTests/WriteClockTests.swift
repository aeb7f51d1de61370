@testable import PGLiveServer
import Synchronization
import Testing

/// When the write watchdog finds a connection's writes stalled.
@Suite struct WriteClockTests {
    private let timeout = Duration.seconds(10)

    @Test func withoutWritesInProgressNothingStalls() {
        let clock = WriteClock {}
        #expect(!clock.hasStalled(longerThan: self.timeout, at: .now + .seconds(3600)))
        clock.writeBegins()
        clock.writeEnds()
        #expect(!clock.hasStalled(longerThan: self.timeout, at: .now + .seconds(3600)))
    }

    @Test func aWriteThatNeverEndsStallsAfterTheTimeout() {
        let clock = WriteClock {}
        let start = ContinuousClock.now
        clock.writeBegins(at: start)
        #expect(!clock.hasStalled(longerThan: self.timeout, at: start + .seconds(10)))
        #expect(clock.hasStalled(longerThan: self.timeout, at: start + .milliseconds(10_001)))
    }

    @Test func aWriteEndingRestartsTheWaitOfTheWritesStillInProgress() {
        let clock = WriteClock {}
        let start = ContinuousClock.now
        clock.writeBegins(at: start)
        clock.writeBegins(at: start)
        clock.writeEnds(at: start + .seconds(8))
        // The second write has waited since the first one ended, not since it began.
        #expect(!clock.hasStalled(longerThan: self.timeout, at: start + .seconds(17)))
        #expect(clock.hasStalled(longerThan: self.timeout, at: start + .seconds(19)))
        clock.writeEnds(at: start + .seconds(19))
        #expect(!clock.hasStalled(longerThan: self.timeout, at: start + .seconds(3600)))
    }

    @Test func stallAbortsOnce() {
        let aborts = Mutex(0)
        let clock = WriteClock { aborts.withLock { $0 += 1 } }
        clock.stall()
        clock.stall()
        #expect(aborts.withLock { $0 } == 1)
        #expect(clock.hasStalled)
    }
}
