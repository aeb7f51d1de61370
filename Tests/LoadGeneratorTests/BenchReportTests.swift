import LoadGenerator
import Testing

@Suite("Benchmark report")
struct BenchReportTests {
    static func stats(delivered: UInt64, duplicates: UInt64 = 0, lastDeliveryAt: UInt64, latencies: [UInt64]) -> SubscriberStats {
        var stats = SubscriberStats()
        stats.delivered = delivered
        stats.duplicates = duplicates
        stats.lastDeliveryAt = lastDeliveryAt
        for latency in latencies {
            stats.latency.record(latency)
        }
        return stats
    }

    @Test("expected, lost and the delivered rate over the send phase")
    func arithmetic() {
        let run = BenchRun(subscribers: 10, connectedSubscribers: 10, rate: 100, seconds: 10)
        let publish = PublishResult(sent: 1000, startedAt: 5_000_000_000, endedAt: 15_000_000_000)
        let received = Self.stats(delivered: 9990, duplicates: 3, lastDeliveryAt: 14_900_000_000, latencies: [2_000_000])
        let report = BenchReport(run: run, publish: publish, received: received)
        #expect(report.mode == "paced")
        #expect(report.expectedDeliveries == 10_000)
        #expect(report.delivered == 9990)
        #expect(report.lost == 10)
        #expect(report.duplicates == 3)
        #expect(report.sendPhaseSeconds == 10)
        #expect(report.deliveredPerSecond == 999)
        #expect(report.latencyMilliseconds.max == 2)
        #expect(report.connectionErrors == 0)
    }

    @Test("deliveries after the send phase stretch the rate's time span")
    func trailingDeliveries() {
        let run = BenchRun(subscribers: 2, connectedSubscribers: 2, rate: 0, seconds: 1)
        let publish = PublishResult(sent: 1000, startedAt: 0, endedAt: 1_000_000_000)
        let received = Self.stats(delivered: 2000, lastDeliveryAt: 2_000_000_000, latencies: [])
        let report = BenchReport(run: run, publish: publish, received: received)
        #expect(report.mode == "saturation")
        #expect(report.deliveredPerSecond == 1000)
        #expect(report.lost == 0)
    }

    @Test("expected deliveries count connected subscribers only; failures add up")
    func failures() {
        var received = SubscriberStats()
        received.lostConnections = 1
        let run = BenchRun(subscribers: 5, connectedSubscribers: 3, rate: 10, seconds: 1, connectionErrors: 2, firstError: "boom")
        let report = BenchReport(run: run, publish: PublishResult(sent: 10, startedAt: 0, endedAt: 1), received: received)
        #expect(report.expectedDeliveries == 30)
        #expect(report.lost == 30)
        #expect(report.connectionErrors == 3)
        #expect(report.firstError == "boom")
    }

    @Test("an idle run reports connections only")
    func idle() {
        let run = BenchRun(subscribers: 100, connectedSubscribers: 100, rate: 0, seconds: 60, idle: true)
        let report = BenchReport(run: run, publish: nil, received: SubscriberStats())
        #expect(report.mode == "idle")
        #expect(report.messagesSent == 0)
        #expect(report.deliveredPerSecond == 0)
        #expect(report.table.contains("100 of 100 connected"))
        #expect(!report.table.contains("latency"))
    }

    @Test("merging subscriber statistics adds counts and keeps the latest delivery")
    func merge() {
        var total = SubscriberStats()
        total.merge(Self.stats(delivered: 3, duplicates: 1, lastDeliveryAt: 50, latencies: [10, 20, 30]))
        total.merge(Self.stats(delivered: 2, lastDeliveryAt: 40, latencies: [40, 50]))
        #expect(total.delivered == 5)
        #expect(total.duplicates == 1)
        #expect(total.lastDeliveryAt == 50)
        #expect(total.latency.count == 5)
        #expect(total.latency.max == 50)
    }
}
