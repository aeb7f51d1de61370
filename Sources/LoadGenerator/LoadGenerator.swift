import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix

/// Runs a STOMP-over-WebSocket load test against any STOMP 1.2 broker.
///
/// Opens ``BenchConfiguration/subscribers`` connections on one two-thread event loop
/// group; each CONNECTs and SUBSCRIBEs with a receipt, and publishing starts only when every
/// receipt is in. One more connection SENDs `{"seq":N,"sent":T}` bodies at the configured
/// pace (see ``PublishPlan``); subscribers count first deliveries, duplicates and the
/// latency from `T`. After the send phase the run waits up to
/// ``BenchConfiguration/drainSeconds`` for stragglers, then reports.
///
/// Every connection needs a file descriptor: raise `ulimit -n` before large runs.
///
/// ```swift
/// let generator = LoadGenerator(configuration: configuration, logger: logger)
/// let report = try await generator.run { try? await Task.sleep(for: .seconds(60)) }
/// ```
public struct LoadGenerator: Sendable {
    private static let threads = 2
    private static let drainPoll = TimeAmount.milliseconds(100)

    /// What to run.
    public let configuration: BenchConfiguration
    private let logger: Logger

    /// Creates a generator.
    ///
    /// - Parameters:
    ///   - configuration: What to run.
    ///   - logger: Where progress goes.
    public init(configuration: BenchConfiguration, logger: Logger) {
        self.configuration = configuration
        self.logger = logger
    }

    /// Runs the benchmark.
    ///
    /// - Parameters:
    ///   - holdIdle: In idle mode, returns when the idle subscriptions should end.
    /// - Returns: The report; check ``BenchReport/connectionErrors``.
    public func run(holdIdle: @Sendable () async -> Void) async throws -> BenchReport {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: Self.threads)
        do {
            let report = try await self.run(on: group, holdIdle: holdIdle)
            try await group.shutdownGracefully()
            return report
        } catch {
            try? await group.shutdownGracefully()
            throw error
        }
    }

    private func run(on group: MultiThreadedEventLoopGroup, holdIdle: @Sendable () async -> Void) async throws -> BenchReport {
        let configuration = self.configuration
        let deliveries = NIOLockedValueBox(0)
        let opened = try await self.openSubscribers(group: group, deliveries: deliveries)
        var run = BenchRun(
            subscribers: configuration.subscribers, connectedSubscribers: opened.connections.count,
            rate: configuration.rate, seconds: configuration.seconds, idle: configuration.idle,
            connectionErrors: opened.failures.count, firstError: opened.failures.first)
        self.logger.info("subscribed", metadata: ["connected": "\(opened.connections.count)", "failed": "\(opened.failures.count)"])
        var publish: PublishResult?
        var publisher: BrokerConnection?
        if configuration.idle {
            await holdIdle()
        } else if !opened.connections.isEmpty {
            do {
                let connection = try await self.openConnection(group: group, counting: false, deliveries: deliveries)
                publisher = connection
                let plan = PublishPlan(
                    rate: configuration.rate, seconds: configuration.seconds, window: configuration.window,
                    subscribers: run.connectedSubscribers)
                publish = try await Publisher.run(
                    on: connection, plan: plan, destination: configuration.destination, deliveries: deliveries)
                if let failure = try await connection.failure() {
                    run.connectionErrors += 1
                    run.firstError = run.firstError ?? "publisher: \(failure)"
                }
            } catch {
                run.connectionErrors += 1
                run.firstError = run.firstError ?? "publisher: \(error)"
            }
        }
        let received = try await self.drain(opened.connections, expecting: publish?.sent ?? 0, deliveries: deliveries)
        await Self.close(opened.connections + [publisher].compactMap { $0 })
        return BenchReport(run: run, publish: publish, received: received)
    }

    /// Opens, CONNECTs and SUBSCRIBEs every subscriber, a bounded number at a time.
    private func openSubscribers(
        group: any EventLoopGroup,
        deliveries: NIOLockedValueBox<Int>
    ) async throws -> (connections: [BrokerConnection], failures: [String]) {
        var connections: [BrokerConnection] = []
        var failures: [String] = []
        try await withThrowingTaskGroup(of: Result<BrokerConnection, any Error>.self) { tasks in
            var started = 0
            func startNext() {
                started += 1
                tasks.addTask {
                    do {
                        return .success(try await self.openConnection(group: group, counting: true, deliveries: deliveries))
                    } catch {
                        return .failure(error)
                    }
                }
            }
            while started < min(self.configuration.connectConcurrency, self.configuration.subscribers) {
                startNext()
            }
            while let result = try await tasks.next() {
                switch result {
                case .success(let connection):
                    connections.append(connection)
                case .failure(let error):
                    failures.append(String(describing: error))
                }
                if started < self.configuration.subscribers {
                    startNext()
                }
            }
        }
        return (connections, failures)
    }

    /// Opens one connection, CONNECTs, and SUBSCRIBEs if it counts messages.
    private func openConnection(
        group: any EventLoopGroup,
        counting: Bool,
        deliveries: NIOLockedValueBox<Int>
    ) async throws -> BrokerConnection {
        let configuration = self.configuration
        let timeout = TimeAmount.seconds(Int64(configuration.handshakeSeconds))
        let connection = try await BrokerConnection.open(
            url: configuration.url, group: group, timeout: timeout, counting: counting, deliveries: deliveries)
        do {
            try await connection.connect(
                host: configuration.stompHost, login: configuration.login, passcode: configuration.passcode, timeout: timeout)
            if counting {
                try await connection.subscribe(destination: configuration.destination, timeout: timeout)
            }
            return connection
        } catch {
            try? await connection.close()
            throw error
        }
    }

    /// Waits until every subscriber has every message or the drain time is up, and returns
    /// the merged statistics.
    ///
    /// Polls only the shared delivery count: a snapshot copies a subscriber's histogram and
    /// makes its next delivery copy it again, so snapshots are taken once, at the end.
    private func drain(
        _ subscribers: [BrokerConnection],
        expecting sent: Int,
        deliveries: NIOLockedValueBox<Int>
    ) async throws -> SubscriberStats {
        let expected = sent * subscribers.count
        let deadline = NIODeadline.now() + .seconds(Int64(self.configuration.drainSeconds))
        while deliveries.withLockedValue({ $0 }) < expected, NIODeadline.now() < deadline {
            try await Task.sleep(nanoseconds: UInt64(Self.drainPoll.nanoseconds))
        }
        var merged = SubscriberStats()
        for subscriber in subscribers {
            merged.merge(try await subscriber.snapshot())
        }
        return merged
    }

    /// Closes every connection and waits for them to close.
    private static func close(_ connections: [BrokerConnection]) async {
        await withTaskGroup(of: Void.self) { tasks in
            for connection in connections {
                tasks.addTask { try? await connection.close() }
            }
        }
    }
}
