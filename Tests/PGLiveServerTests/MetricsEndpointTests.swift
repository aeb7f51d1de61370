import Foundation
import PostgresLibPQ
import PostgresTestSupport
import STOMP
import Testing

/// `GET /metrics` on a real server of its own: the values after a known session, a known
/// subscription, known events and known REST requests.
@Suite struct MetricsEndpointTests {
    @Test func metricsShowTheSessionItsSubscriptionTheDeliveredEventsAndTheRequests() async throws {
        let database = try await blocking { try TestPostgres.makeMigratedDatabase(label: "metrics") }
        let server = try await TestServer(database: database)
        try await server.sql("SELECT pglive.create_topic('metrics.demo')")
        let client = try await STOMPTestClient.connected(port: server.stompPort)
        try await client.subscribe("/topic/metrics.demo")
        for number in 1...3 {
            try await server.sql("SELECT pglive.publish('metrics.demo', $1::jsonb)", [PostgresJSON(#"{"n": \#(number)}"#)])
        }
        let messages = try await client.messages(3)
        let head = try await server.sql("SELECT max(last_position) AS head FROM pglive.transactions")[0].decode("head", as: Int64.self)
        #expect(try await RawHTTP.get("/api/v1/topics", port: server.httpPort, headers: ["Authorization: Basic YWxpY2U6c2VjcmV0"]).status == 200)
        #expect(try await RawHTTP.get("/api/v1/topics", port: server.httpPort).status == 401)

        // The feed observes latencies and records its position just after queueing, and a
        // request is counted once its body is written: wait for those, then check the last
        // scrape exactly.
        var metrics = try PrometheusExposition("")
        try await Deadline.waitUntil("the metrics to catch up") {
            let answer = try await RawHTTP.get("/metrics", port: server.httpPort)
            metrics = try PrometheusExposition(answer.body)
            return answer.status == 200 && (metrics.value("pglive_feed_commit_to_frame_seconds_count") ?? 0) >= 3
                && metrics.value("pglive_feed_delivered_position") == Double(head)
                && metrics.value("pglive_http_requests_total", ["method": "GET", "route": "/api/v1/topics", "status": "401"]) == 1
        }

        #expect(metrics.value("pglive_stomp_sessions_open", ["transport": "tcp"]) == 1)
        #expect(metrics.value("pglive_stomp_sessions_open", ["transport": "websocket"]) == 0)
        #expect(metrics.value("pglive_stomp_sessions_opened_total", ["transport": "tcp"]) == 1)
        #expect(metrics.value("pglive_stomp_subscriptions", ["topic": "metrics.demo"]) == 1)
        #expect(metrics.value("pglive_stomp_frames_in_total", ["command": "CONNECT"]) == 1)
        #expect(metrics.value("pglive_stomp_frames_in_total", ["command": "SUBSCRIBE"]) == 1)
        #expect(metrics.value("pglive_stomp_frames_out_total", ["command": "CONNECTED"]) == 1)
        #expect(metrics.value("pglive_stomp_frames_out_total", ["command": "RECEIPT"]) == 1)
        #expect(try #require(metrics.value("pglive_stomp_frames_out_total", ["command": "MESSAGE"])) >= Double(messages.count))
        let bodies = messages.reduce(0) { $0 + $1.body.readableBytes }
        #expect(try #require(metrics.value("pglive_stomp_bytes_out_total")) > Double(bodies))
        #expect(metrics.value("pglive_stomp_slow_consumer_disconnects_total") == 0)

        #expect(metrics.value("pglive_feed_delivered_position") == Double(head))
        #expect(metrics.value("pglive_feed_head_position") == Double(head))
        #expect(metrics.value("pglive_feed_lag_positions") == 0)
        #expect(metrics.value("pglive_feed_lag_seconds") == 0)
        let latencies = metrics.buckets("pglive_feed_commit_to_frame_seconds")
        #expect(latencies.map(\.le).contains(0.001) && latencies.last?.le == .infinity)
        #expect(latencies.map(\.count) == latencies.map(\.count).sorted(), "cumulative buckets")
        #expect(latencies.last?.count == metrics.value("pglive_feed_commit_to_frame_seconds_count"))
        #expect(try #require(metrics.value("pglive_feed_commit_to_frame_seconds_count")) >= 3)
        #expect((0...1).contains(try #require(metrics.value("pglive_notify_queue_usage_ratio"))))
        #expect(metrics.value("pglive_database_up") == 1)

        #expect(try #require(metrics.value("pglive_db_pool_connections_open")) >= 1)
        #expect(try #require(metrics.value("pglive_db_pool_connections_in_use")) >= 0)
        #expect(metrics.value("pglive_db_pool_waiters") == 0)

        #expect(metrics.value("pglive_http_requests_total", ["method": "GET", "route": "/api/v1/topics", "status": "200"]) == 1)
        #expect(metrics.value("pglive_http_requests_total", ["method": "GET", "route": "/api/v1/topics", "status": "401"]) == 1)
        #expect(metrics.value("pglive_http_request_duration_seconds_count", ["method": "GET", "route": "/api/v1/topics"]) == 2)

        for sample in metrics.samples {
            let family = metrics.family(of: sample)
            #expect(family.hasPrefix("pglive_"), "\(sample)")
            #expect(metrics.help[family]?.isEmpty == false, "HELP for \(family)")
            #expect(metrics.types[family] != nil, "TYPE for \(family)")
            #expect((metrics.types[family] == "counter") == family.hasSuffix("_total"), "\(family) is a \(metrics.types[family] ?? "?")")
        }

        await client.close()
        try await Deadline.waitUntil("the session to be counted closed") {
            let answer = try await RawHTTP.get("/metrics", port: server.httpPort)
            return try PrometheusExposition(answer.body).value("pglive_stomp_sessions_open", ["transport": "tcp"]) == 0
        }
        await server.stop()
    }

    @Test func requestsAreLabelledWithTheRouteTemplateNeverTheRawPath() async throws {
        let server = try await TestServer.strict.value
        let suffix = UInt32.random(in: 0...UInt32.max)
        let topicPath = "/api/v1/topics/no.such.topic.\(suffix)/events"
        let unroutedPath = "/no/such/page/\(suffix)"
        _ = try await RawHTTP.get(topicPath, port: server.httpPort, headers: ["Authorization: Basic YWxpY2U6c2VjcmV0"])
        #expect(try await RawHTTP.get(unroutedPath, port: server.httpPort).status == 404)
        var metrics = try PrometheusExposition("")
        try await Deadline.waitUntil("both requests to be counted") {
            metrics = try PrometheusExposition(try await RawHTTP.get("/metrics", port: server.httpPort).body)
            let routes = Set(metrics.samples.filter { $0.name == "pglive_http_requests_total" }.compactMap { $0.labels["route"] })
            return routes.isSuperset(of: ["/api/v1/topics/{topic}/events", "NotFound"])
        }
        #expect(!metrics.samples.contains { $0.labels["route"] == topicPath || $0.labels["route"] == unroutedPath })
        #expect(try #require(metrics.value("pglive_http_requests_total", ["method": "GET", "route": "NotFound", "status": "404"])) >= 1)
    }
}
