import ChangeFeed
import Foundation
import Hummingbird
import Metrics
import NIOCore
@testable import PGLiveServer
import Testing

/// The metrics' names, help texts, buckets and labels, without a server.
@Suite struct ServerMetricsTests {
    @Test func everyMetricFollowsTheNamingConventionsAndTheReadmeListsIt() throws {
        let readme = try String(
            contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent("README.md"), encoding: .utf8)
        #expect(Set(PGLiveMetric.allCases.map(\.rawValue)).count == PGLiveMetric.allCases.count)
        for metric in PGLiveMetric.allCases {
            #expect(metric.rawValue.wholeMatch(of: /pglive_[a-z_]+/) != nil, "\(metric.rawValue)")
            #expect(!metric.help.isEmpty && !metric.help.contains("\n"), "\(metric.rawValue)")
            #expect(readme.contains("`\(metric.rawValue)`"), "README lists \(metric.rawValue)")
        }
    }

    @Test func aServersRegistryHasHelpTypeAndHistogramBucketsInSeconds() throws {
        let metrics = ServerMetrics()
        metrics.stomp.bytesOut.increment(by: 5)
        metrics.commitToFrame.record(duration: .milliseconds(3))

        let text = try PrometheusExposition(String(buffer: metrics.render()))

        #expect(text.help["pglive_stomp_bytes_out_total"] == PGLiveMetric.bytesOut.help)
        #expect(text.types["pglive_stomp_bytes_out_total"] == "counter")
        #expect(text.value("pglive_stomp_bytes_out_total") == 5)
        #expect(text.types["pglive_stomp_sessions_open"] == "gauge")
        #expect(text.value("pglive_stomp_sessions_open", ["transport": "websocket"]) == 0)
        #expect(text.value("pglive_stomp_sessions_open", ["transport": "tcp"]) == 0)
        #expect(text.types["pglive_feed_commit_to_frame_seconds"] == "histogram")
        let buckets = text.buckets("pglive_feed_commit_to_frame_seconds")
        #expect(buckets.map(\.le) == [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, .infinity])
        #expect(buckets.map(\.count) == [0, 0] + Array(repeating: 1, count: 12))
        #expect(text.value("pglive_feed_commit_to_frame_seconds_count") == 1)
    }

    @Test func serversInOneProcessKeepTheirOwnRegistries() throws {
        let first = ServerMetrics()
        let second = ServerMetrics()
        first.stomp.framesIn[.send]?.increment(by: 2)

        #expect(try PrometheusExposition(String(buffer: first.render())).value("pglive_stomp_frames_in_total", ["command": "SEND"]) == 2)
        #expect(try PrometheusExposition(String(buffer: second.render())).value("pglive_stomp_frames_in_total", ["command": "SEND"]) == 0)
    }

    @Test func theFeedObservesEachEventOfABatchOnceWithClockSkewAsZero() throws {
        let metrics = ServerMetrics()
        let now = Date()
        let events = [-2.0, -0.002, 0.5].map { offset in
            LoggedEvent(position: 1, topic: "t", operation: .event, committedAt: now.addingTimeInterval(offset))
        }

        FeedService.observe(events, queuedAt: now, in: metrics.commitToFrame)

        let buckets = try PrometheusExposition(String(buffer: metrics.render())).buckets("pglive_feed_commit_to_frame_seconds")
        #expect(buckets.first { $0.le == 0.001 }?.count == 1, "an event committed 'after' it was queued counts as 0")
        #expect(buckets.first { $0.le == 0.0025 }?.count == 2)
        #expect(buckets.first { $0.le == 1 }?.count == 2)
        #expect(buckets.first { $0.le == 2.5 }?.count == 3)
    }

    @Test func requestLabelsAreTheMethodAndTheRouteTemplate() {
        let matched = HTTPMetricsMiddleware<BasicRequestContext>.labels(method: .get, route: "/api/v1/topics/{topic}/rows")
        #expect(matched.map(\.0) == ["method", "route"])
        #expect(matched.map(\.1) == ["GET", "/api/v1/topics/{topic}/rows"])
        #expect(HTTPMetricsMiddleware<BasicRequestContext>.labels(method: .post, route: nil).map(\.1) == ["POST", "NotFound"])
    }
}
