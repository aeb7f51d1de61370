import ArgumentParser
import Broker
import NIOCore
import PGLiveServer
import STOMP

/// The resource limits of `pglive serve`: sessions, frames, SEND rate and HTTP streams.
/// Each answers the client that passes it with a clear error (a STOMP `ERROR` or an HTTP
/// JSON error) and leaves every other client alone. `0` lifts a limit where the help says so.
struct LimitOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The most STOMP sessions open at once (0: no limit).", valueName: "count"))
    var maxSessions: Int = 10_000

    @Option(help: ArgumentHelp(
        "The most STOMP sessions open from one client IP address (0: no limit; behind a proxy every client has its address).",
        valueName: "count"))
    var maxSessionsPerIp: Int = 1_000

    @Option(help: ArgumentHelp("Seconds a connection may take to send CONNECT and be authenticated (0: forever).", valueName: "seconds"))
    var connectTimeout: Double = 10

    @Option(help: ArgumentHelp("The most SEND frames per second per session, sustained (0: no limit).", valueName: "count"))
    var maxSendRate: Int = 1_000

    @Option(help: ArgumentHelp("The most SEND frames a session may send at once after a quiet spell (default: --max-send-rate).", valueName: "count"))
    var sendBurst: Int?

    @Option(help: ArgumentHelp("The most subscriptions per session.", valueName: "count"))
    var maxSubscriptions: Int = 100

    @Option(help: ArgumentHelp("The largest STOMP frame body in bytes.", valueName: "bytes"))
    var maxBodySize: Int = 1_048_576

    @Option(help: ArgumentHelp("The most header lines in a STOMP frame.", valueName: "count"))
    var maxHeaderCount: Int = 64

    @Option(help: ArgumentHelp(
        "The most bytes of frames held for one session (queued for its socket or parked behind its acks).", valueName: "bytes"))
    var maxQueuedBytes: Int = 8 << 20

    @Option(help: ArgumentHelp(
        "When a session passes --max-queued-bytes: disconnect (ERROR slow consumer) or drop-with-gap-notice.", valueName: "policy"))
    var slowConsumerPolicy: Broker.SlowConsumerPolicy = .disconnect

    @Option(help: ArgumentHelp("The most NDJSON and CSV exports streaming at once; more get 503 (0: no limit).", valueName: "count"))
    var maxHttpStreams: Int = 32

    @Option(help: ArgumentHelp(
        "Seconds an HTTP connection may sit idle, or take to send a request, before it is closed.", valueName: "seconds"))
    var httpIdleTimeout: Double = 60

    func validate() throws {
        let counts: [(String, Int, ClosedRange<Int>)] = [
            ("--max-sessions", maxSessions, 0...1_000_000), ("--max-sessions-per-ip", maxSessionsPerIp, 0...1_000_000),
            ("--max-send-rate", maxSendRate, 0...1_000_000), ("--send-burst", sendBurst ?? 1, 1...1_000_000),
            ("--max-subscriptions", maxSubscriptions, 1...100_000), ("--max-body-size", maxBodySize, 1...(256 << 20)),
            ("--max-header-count", maxHeaderCount, 1...10_000), ("--max-http-streams", maxHttpStreams, 0...100_000),
            ("--max-queued-bytes", maxQueuedBytes, (64 << 10)...(1 << 30)),
        ]
        for (name, value, range) in counts where !range.contains(value) {
            throw ValidationError("\(name) is \(range.lowerBound)...\(range.upperBound), not \(value)")
        }
        guard (0...3600).contains(connectTimeout) else {
            throw ValidationError("--connect-timeout is 0...3600 seconds, not \(connectTimeout)")
        }
        guard httpIdleTimeout > 0, httpIdleTimeout <= 3600 else {
            throw ValidationError("--http-idle-timeout is more than 0 and at most 3600 seconds, not \(httpIdleTimeout)")
        }
    }

    /// Sets the limits in a configuration.
    func apply(to configuration: inout ServerConfiguration) {
        configuration.maxSessions = Self.limit(maxSessions)
        configuration.maxSessionsPerAddress = Self.limit(maxSessionsPerIp)
        configuration.session.connectTimeout = connectTimeout > 0 ? .milliseconds(Int64(connectTimeout * 1000)) : nil
        configuration.session.sendRate = Self.limit(maxSendRate).map { RateLimit(perSecond: $0, burst: sendBurst ?? $0) }
        configuration.session.maxSubscriptions = maxSubscriptions
        configuration.session.limits.maxBodySize = maxBodySize
        configuration.session.limits.maxHeaderCount = maxHeaderCount
        configuration.broker.maxQueuedBytes = maxQueuedBytes
        configuration.broker.slowConsumerPolicy = slowConsumerPolicy
        configuration.history.maxConcurrentExports = Self.limit(maxHttpStreams)
        configuration.httpIdleTimeout = .milliseconds(Int64(httpIdleTimeout * 1000))
    }

    /// A count where 0 means no limit.
    private static func limit(_ value: Int) -> Int? {
        value > 0 ? value : nil
    }
}

extension Broker.SlowConsumerPolicy: ExpressibleByArgument {}
