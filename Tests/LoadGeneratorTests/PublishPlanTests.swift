import LoadGenerator
import Testing

@Suite("Publish pacing")
struct PublishPlanTests {
    @Test("message i is due at i / rate seconds")
    func dueTimes() {
        let schedule = PacingSchedule(rate: 1000, seconds: 10)
        #expect(schedule.total == 10_000)
        #expect(schedule.dueTime(of: 0) == 0)
        #expect(schedule.dueTime(of: 1) == 1_000_000)
        #expect(schedule.dueTime(of: 2500) == 2_500_000_000)
    }

    @Test("due counts at instants, capped at the total")
    func dueCounts() {
        let schedule = PacingSchedule(rate: 1000, seconds: 10)
        #expect(schedule.dueCount(atNanoseconds: 0) == 1)
        #expect(schedule.dueCount(atNanoseconds: 999_999) == 1)
        #expect(schedule.dueCount(atNanoseconds: 1_000_000) == 2)
        #expect(schedule.dueCount(atNanoseconds: 1_500_000_000) == 1501)
        #expect(schedule.dueCount(atNanoseconds: 9_999_000_000) == 10_000)
        #expect(schedule.dueCount(atNanoseconds: 3_600_000_000_000) == 10_000)
    }

    @Test("a late tick catches up on everything due, not one message")
    func catchUp() {
        let plan = PublishPlan(rate: 100, seconds: 5, window: 1000, subscribers: 10)
        #expect(plan.allowance(sent: 0, delivered: 0, elapsed: 0) == 1)
        // 250 ms late: 25 more messages are due at once.
        #expect(plan.allowance(sent: 1, delivered: 0, elapsed: 250_000_000) == 25)
        #expect(plan.allowance(sent: 26, delivered: 0, elapsed: 250_000_000) == 0)
        #expect(!plan.isFinished(sent: 499, elapsed: 10_000_000_000))
        #expect(plan.isFinished(sent: 500, elapsed: 4_990_000_000))
    }

    @Test("a rate that does not divide a second keeps the average")
    func oddRate() {
        let schedule = PacingSchedule(rate: 3, seconds: 2)
        #expect(schedule.dueCount(atNanoseconds: 333_333_333) == 1)
        #expect(schedule.dueCount(atNanoseconds: 333_333_334) == 2)
        #expect(schedule.dueCount(atNanoseconds: 1_000_000_000) == 4)
    }

    @Test("saturation keeps at most the window of deliveries in flight until time is up")
    func saturation() {
        let plan = PublishPlan(rate: 0, seconds: 2, window: 10_000, subscribers: 100)
        #expect(plan == .saturation(messages: 100, subscribers: 100, seconds: 2))
        #expect(plan.allowance(sent: 0, delivered: 0, elapsed: 0) == 100)
        #expect(plan.allowance(sent: 100, delivered: 0, elapsed: 1) == 0)
        // 40.5 messages' worth delivered: 59.5 in flight, counted as 60.
        #expect(plan.allowance(sent: 100, delivered: 4_050, elapsed: 1) == 40)
        #expect(plan.allowance(sent: 5000, delivered: 500_000, elapsed: 2_000_000_000) == 0)
        #expect(!plan.isFinished(sent: 9_000_000, elapsed: 1_999_999_999))
        #expect(plan.isFinished(sent: 0, elapsed: 2_000_000_000))
    }

    @Test("saturation allows one message in flight when subscribers outnumber the window")
    func windowSmallerThanFanOut() {
        let plan = PublishPlan(rate: 0, seconds: 1, window: 500, subscribers: 1000)
        #expect(plan.allowance(sent: 0, delivered: 0, elapsed: 0) == 1)
        #expect(plan.allowance(sent: 1, delivered: 999, elapsed: 0) == 0)
        #expect(plan.allowance(sent: 1, delivered: 1000, elapsed: 0) == 1)
    }
}
