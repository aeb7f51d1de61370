import ChangeFeed
import HistoryAPI
import Logging
import PostgresLibPQ
import ServiceLifecycle
import UnixSignals

extension PGLiveServer {
    /// Runs the server until a shutdown signal or stop request (graceful: every session gets
    /// an `ERROR` "server shutting down", then the endpoints close) or until the calling
    /// task is cancelled.
    ///
    /// ```swift
    /// try await server.run { endpoint, port in print("\(endpoint) on \(port)") }
    /// ```
    ///
    /// - Parameters:
    ///   - gracefulShutdownSignals: The signals that shut the server down; SIGTERM and SIGINT by default.
    ///     A caller that traps them itself from an earlier moment passes `[]` and `stopWhen`.
    ///   - onListening: Told each endpoint's bound port once it listens.
    ///   - stopWhen: When it returns, the server shuts down as on a signal (also if it
    ///     returned before the server was up); it must return when its task is cancelled.
    /// - Throws: ``ServerError/database(_:)`` when the database cannot be read at startup,
    ///   or what an endpoint threw (e.g. its port is taken).
    public func run(
        gracefulShutdownSignals: [UnixSignal] = [.sigterm, .sigint],
        onListening: @escaping @Sendable (Endpoint, Int) async -> Void = { _, _ in },
        stopWhen: (@Sendable () async -> Void)? = nil
    ) async throws {
        let configuration = self.configuration
        let pool = PostgresPool(
            connection: configuration.database,
            configuration: .init(maxConnections: configuration.maxDatabaseConnections), logger: self.logger)
        let (head, directory, cursorKey) = try await pool.serving { connection in
            (try EventLog.headPosition(on: connection), try TopicDirectory.load(on: connection), try HistoryAPI.cursorKey(on: connection))
        }
        let hub = BrokerHub(configuration: configuration.broker, startingAfter: head)
        await hub.replaceTopics(with: directory)
        let resolver = TopicResolver(hub: hub, pool: pool, autoCreateTopics: configuration.autoCreateTopics)
        let metrics = ServerMetrics()
        let sessions = OpenSessions()
        let driver = ConnectionDriver(
            hub: hub, authenticator: configuration.authenticator,
            opener: SubscriptionOpener(hub: hub, pool: pool, resolver: resolver, batchSize: 500),
            publisher: LogPublisher(resolver: resolver, pool: pool),
            sessionConfiguration: configuration.session, sessions: sessions,
            writeTimeout: configuration.writeTimeout, logger: self.logger, metrics: metrics.stomp,
            admission: SessionAdmission(limits: configuration.sessionLimits))
        let feed = ChangeFeed(pool: pool, listen: configuration.database, logger: self.logger)
        // Stopped in reverse order: sessions are ended, then waited for, then the endpoints close.
        let pruner = configuration.pruneInterval.map { interval in
            RetentionPruner(pool: pool, interval: interval, batchSize: 1000, pruned: metrics.eventsPruned, logger: self.logger)
        }
        let services: [any Service] = [
            FeedService(feed: feed, hub: hub, position: head, commitToFrame: metrics.commitToFrame),
        ] + (pruner.map { [$0] } ?? []) + [
            HTTPServer.application(
                host: configuration.host, port: configuration.httpPort, driver: driver,
                history: HistoryAPI(pool: pool, cursorKey: cursorKey, configuration: configuration.history, logger: self.logger),
                authenticator: configuration.authenticator, readiness: Readiness(feed: feed, hub: hub, pool: pool), metrics: metrics,
                sampler: MetricsSampler(metrics: metrics, hub: hub, feed: feed, pool: pool, logger: self.logger),
                origins: configuration.allowedOrigins,
                maxMessageSize: configuration.maxWebSocketMessageSize,
                idleTimeout: configuration.httpIdleTimeout, tls: configuration.tls?.configuration, logger: self.logger,
                onListening: onListening),
            STOMPTCPServer(
                host: configuration.host, port: configuration.stompPort, tls: configuration.tls?.context,
                driver: driver, onListening: onListening),
            sessions,
            SessionTerminator(hub: hub, drainDelay: configuration.drainDelay),
        ]
        var groupConfiguration = ServiceGroupConfiguration(
            services: services.map { ServiceGroupConfiguration.ServiceConfiguration(service: $0) },
            gracefulShutdownSignals: gracefulShutdownSignals, logger: self.logger)
        // In-flight HTTP responses (a long export) may finish within the timeout; then
        // everything still running is cancelled, so SIGTERM always ends the process.
        groupConfiguration.maximumGracefulShutdownDuration = configuration.drainDelay + configuration.shutdownTimeout
        let group = ServiceGroup(configuration: groupConfiguration)
        do {
            try await withThrowingTaskGroup(of: Void.self) { tasks in
                if let stopWhen {
                    tasks.addTask {
                        await stopWhen()
                        // A request made before the group runs is kept by it until it does.
                        if !Task.isCancelled { await group.triggerGracefulShutdown() }
                    }
                }
                try await group.run()
                tasks.cancelAll()
            }
        } catch {
            await pool.close()
            throw error
        }
        await pool.close()
    }
}
