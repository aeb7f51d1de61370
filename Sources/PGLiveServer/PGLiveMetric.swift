/// Every metric `GET /metrics` shows: its Prometheus name (the swift-metrics label), its
/// `# HELP` text and, for histograms, its buckets.
///
/// Names follow the Prometheus conventions: the `pglive_` prefix, base units (`_seconds`,
/// `_bytes`) in the name, `_total` on counters.
///
/// ```swift
/// let counter = Counter(label: PGLiveMetric.bytesOut.rawValue, factory: factory)
/// ```
enum PGLiveMetric: String, CaseIterable, Sendable {
    case sessionsOpen = "pglive_stomp_sessions_open"
    case sessionsOpened = "pglive_stomp_sessions_opened_total"
    case sessionsRefused = "pglive_stomp_sessions_refused_total"
    case writeTimeouts = "pglive_stomp_write_timeouts_total"
    case subscriptions = "pglive_stomp_subscriptions"
    case framesIn = "pglive_stomp_frames_in_total"
    case framesOut = "pglive_stomp_frames_out_total"
    case bytesOut = "pglive_stomp_bytes_out_total"
    case slowConsumerDisconnects = "pglive_stomp_slow_consumer_disconnects_total"
    case messagesDropped = "pglive_stomp_messages_dropped_total"
    case deliveredPosition = "pglive_feed_delivered_position"
    case headPosition = "pglive_feed_head_position"
    case lagPositions = "pglive_feed_lag_positions"
    case lagSeconds = "pglive_feed_lag_seconds"
    case commitToFrame = "pglive_feed_commit_to_frame_seconds"
    case notifyQueueUsage = "pglive_notify_queue_usage_ratio"
    case eventsPruned = "pglive_events_pruned_total"
    case databaseUp = "pglive_database_up"
    case poolOpen = "pglive_db_pool_connections_open"
    case poolInUse = "pglive_db_pool_connections_in_use"
    case poolWaiters = "pglive_db_pool_waiters"
    case httpRequests = "pglive_http_requests_total"
    case httpDuration = "pglive_http_request_duration_seconds"

    /// The `# HELP` text.
    var help: String {
        switch self {
        case .sessionsOpen: "STOMP connections open, by transport (from accept to close, before and after CONNECT)."
        case .sessionsOpened: "STOMP connections accepted, by transport."
        case .sessionsRefused: "STOMP connections refused with an ERROR because a session limit (process or client address) was reached."
        case .writeTimeouts: "STOMP connections closed because the client took no bytes for the write timeout (a stalled reader)."
        case .subscriptions: "Subscriptions, by topic; a topic appears with its first subscription and stays at 0 after its last."
        case .framesIn: "STOMP frames received from clients, by command."
        case .framesOut: "STOMP frames handed to client connections, by command (gap notices count as MESSAGE)."
        case .bytesOut: "Bytes of STOMP frames and heart-beats handed to client connections, before WebSocket framing."
        case .slowConsumerDisconnects: "Sessions closed because their queue outgrew the broker's limits."
        case .messagesDropped: "Messages that never left the broker: dropped with a gap notice, or discarded with a slow consumer."
        case .deliveredPosition: "The last log position the change feed delivered to the broker."
        case .headPosition: "The highest visible position of the events log, read when scraped."
        case .lagPositions: "Positions committed to the log and not yet delivered by the change feed."
        case .lagSeconds: "Age of the oldest committed event not yet delivered by the change feed (0 when caught up), by the database's clock."
        case .commitToFrame: "Time from an event's commit to its frames being queued for every subscribed session."
        case .notifyQueueUsage: "Fraction of PostgreSQL's NOTIFY queue in use (pg_notification_queue_usage()), read when scraped."
        case .eventsPruned: "Events this process deleted from the log because their topic's retention passed."
        case .databaseUp: "1 when the scrape's database queries succeeded, 0 otherwise (the database-derived gauges then keep their last values)."
        case .poolOpen: "Pooled database connections open (leased or idle)."
        case .poolInUse: "Pooled database connections leased."
        case .poolWaiters: "Callers waiting for a pooled database connection."
        case .httpRequests: "HTTP requests answered, by method, route template and status code."
        case .httpDuration: "HTTP request durations until the response body was written, by method and route template."
        }
    }

    /// The histogram buckets, for timers; empty for other metrics.
    var buckets: [Duration] {
        switch self {
        case .commitToFrame, .httpDuration:
            [
                .milliseconds(1), .microseconds(2_500), .milliseconds(5), .milliseconds(10), .milliseconds(25),
                .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1),
                .milliseconds(2_500), .seconds(5), .seconds(10),
            ]
        default:
            []
        }
    }
}
