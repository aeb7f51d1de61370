import ArgumentParser
import Foundation
import LoadGenerator
import Logging

/// `pglive bench`: a STOMP-over-WebSocket load generator for any STOMP 1.2 broker.
struct Bench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure a STOMP 1.2 WebSocket broker: fan-out throughput, loss and latency.",
        discussion: """
            Opens --subscribers connections that SUBSCRIBE to --destination (waiting for every \
            receipt), then one publisher connection SENDs --rate messages per second for \
            --seconds. Each body is {"seq":N,"sent":T} with T in this process's monotonic clock; \
            subscribers record delivery latency, loss and duplicates. --rate 0 is saturation: \
            send as fast as the broker delivers, keeping at most --window deliveries in flight \
            (messages sent × subscribers − deliveries received; at least one message). After sending, waits up to --drain-seconds for \
            stragglers. --idle holds the subscriptions without traffic for --seconds or until \
            Ctrl-C, to measure the broker's memory per idle session.

            Every connection takes a file descriptor on both sides: raise the limit first, \
            e.g. `ulimit -n 65536`. Exits 1 when any connection fails.
            """)

    @Option(help: ArgumentHelp("The broker's STOMP WebSocket endpoint.", valueName: "ws://host:port/path"))
    var url: String

    @Option(help: "Subscriber connections to open.")
    var subscribers: Int

    @Option(help: "Messages per second to publish; 0 means saturation. Required unless --idle.")
    var rate: Int?

    @Option(help: "Length of the send phase (or of the idle hold), in seconds.")
    var seconds: Int

    @Option(help: ArgumentHelp(
        "The CONNECT host header; the URL's host by default (RabbitMQ wants its virtual host, /).", valueName: "host"))
    var stompHost: String?

    @Option(help: "The CONNECT login header.")
    var login: String?

    @Option(help: "The CONNECT passcode header.")
    var passcode: String?

    @Option(help: "The destination to subscribe and send to.")
    var destination: String = "/topic/bench"

    @Flag(help: "Hold idle subscriptions without traffic instead of publishing.")
    var idle = false

    @Option(help: "At saturation, the most deliveries in flight (sent × subscribers − received).")
    var window: Int = 10_000

    @Option(help: "How long to wait after the send phase for late deliveries, in seconds.")
    var drainSeconds: Int = 5

    @Option(help: "How many connections to open at once.")
    var connectConcurrency: Int = 100

    @Flag(help: "Print the report as one JSON object.")
    var json = false

    func validate() throws {
        _ = try self.benchConfiguration()
    }

    func run() async throws {
        let configuration = try self.benchConfiguration()
        let logger = Logger(label: "pglive.bench")
        let seconds = self.seconds
        let report = try await LoadGenerator(configuration: configuration, logger: logger).run {
            await Self.holdIdle(seconds: seconds, logger: logger)
        }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            print(String(decoding: try encoder.encode(report), as: UTF8.self))
        } else {
            print(report.table)
        }
        if report.connectionErrors > 0 {
            throw ExitCode.failure
        }
    }

    /// The options as a checked configuration.
    ///
    /// - Throws: `ValidationError` naming the option that is out of range.
    private func benchConfiguration() throws -> BenchConfiguration {
        guard idle || rate != nil else {
            throw ValidationError("--rate is required: messages per second, or 0 for saturation")
        }
        do {
            return try BenchConfiguration(
                url: WebSocketURL(url), subscribers: subscribers, rate: rate ?? 0, seconds: seconds, destination: destination,
                stompHost: stompHost, login: login, passcode: passcode, idle: idle, window: window, drainSeconds: drainSeconds,
                connectConcurrency: connectConcurrency)
        } catch {
            throw ValidationError(error.description)
        }
    }

    /// Returns after `seconds` or at SIGINT/SIGTERM, whichever comes first.
    private static func holdIdle(seconds: Int, logger: Logger) async {
        logger.info("holding idle subscriptions", metadata: ["seconds": "\(seconds)", "stop": "Ctrl-C"])
        let (ended, end) = AsyncStream<Void>.makeStream()
        let stop = await ShutdownSignal.trap()
        let signal = Task {
            await stop.wait()
            end.yield()
        }
        let timer = Task {
            try? await Task.sleep(for: .seconds(seconds))
            end.yield()
        }
        for await _ in ended {
            break
        }
        signal.cancel()
        timer.cancel()
    }
}
