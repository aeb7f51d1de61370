import ArgumentParser
import Logging
import PGLiveServer

/// Starts the STOMP server the way `pglive serve` and `pglive demo` both do: a
/// `listening` log line per endpoint, SIGTERM/SIGINT (trapped by the command's
/// ``ShutdownSignal`` since it started) for a graceful stop, and a failure turned into exit
/// status 1.
enum ServerLauncher {
    /// Runs the server until SIGTERM or SIGINT.
    ///
    /// ```swift
    /// let stop = await ShutdownSignal.trap()
    /// try await ServerLauncher.run(configuration, logger: logger, stop: stop) { http, stomp in print("ready on \(http)") }
    /// ```
    ///
    /// - Parameters:
    ///   - configuration: What the server runs with.
    ///   - logger: Where the server logs.
    ///   - stop: The command's signals; one that arrived before the server was up stops it
    ///     as soon as it is.
    ///   - onReady: Told the bound HTTP and STOMP ports once both endpoints listen.
    /// - Throws: `ExitCode.failure` (after logging why) when the server cannot start or fails.
    static func run(
        _ configuration: ServerConfiguration, logger: Logger, stop: ShutdownSignal,
        onReady: @escaping @Sendable (_ httpPort: Int, _ stompPort: Int) async -> Void = { _, _ in }
    ) async throws {
        let ports = ListeningPorts()
        let host = configuration.host
        do {
            try await PGLiveServer(configuration: configuration, logger: logger).run(gracefulShutdownSignals: []) { endpoint, port in
                logger.info("listening", metadata: ["endpoint": "\(endpoint.rawValue)", "host": "\(host)", "port": "\(port)"])
                if let (http, stomp) = await ports.record(endpoint, port) {
                    await onReady(http, stomp)
                }
            } stopWhen: {
                await stop.wait()
            }
        } catch {
            logger.critical("pglive stopped: \(error)")
            throw ExitCode.failure
        }
    }

    /// The ports endpoints reported, until both have.
    private actor ListeningPorts {
        private var ports: [Endpoint: Int] = [:]

        /// Records a port; returns both ports the first time both are known.
        func record(_ endpoint: Endpoint, _ port: Int) -> (http: Int, stomp: Int)? {
            let wasComplete = ports.count == 2
            ports[endpoint] = port
            guard !wasComplete, let http = ports[.http], let stomp = ports[.stomp] else { return nil }
            return (http, stomp)
        }
    }
}
