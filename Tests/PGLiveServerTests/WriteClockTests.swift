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
        clock.writeBegins()
        #expect(!clock.hasStalled(longerThan: self.timeout, at: start + .seconds(9)))
        #expect(clock.hasStalled(longerThan: self.timeout, at: .now + .seconds(11)))
    }

    @Test func aWriteEndingRestartsTheWaitOfTheWritesStillInProgress() async throws {
        let clock = WriteClock {}
        let timeout = Duration.seconds(2)
        clock.writeBegins()
        clock.writeBegins()
        try await Task.sleep(for: .milliseconds(1500))
        clock.writeEnds()
        let afterProgress = ContinuousClock.now
        // The second write has waited since the first one ended (1 s at the first check),
        // not since it began (2.5 s or more).
        #expect(!clock.hasStalled(longerThan: timeout, at: afterProgress + .seconds(1)))
        #expect(clock.hasStalled(longerThan: timeout, at: afterProgress + .milliseconds(2100)))
        clock.writeEnds()
        #expect(!clock.hasStalled(longerThan: timeout, at: afterProgress + .seconds(3600)))
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
