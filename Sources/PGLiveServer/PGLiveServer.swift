import Logging

/// The `pglive serve` process: the change feed, the broker, and the WebSocket and TCP
/// STOMP endpoints, until shutdown.
///
/// ```swift
/// let server = PGLiveServer(configuration: configuration, logger: logger)
/// try await server.run { endpoint, port in logger.info("listening", metadata: ["\(endpoint)": "\(port)"]) }
/// ```
public struct PGLiveServer: Sendable {
    /// pglive's version, in the `CONNECTED` frame's `server` header.
    public static let version = "0.1.0"

    /// What the server runs with.
    public let configuration: ServerConfiguration
    /// Where the server logs.
    public let logger: Logger

    /// Creates a server; nothing runs until ``run(gracefulShutdownSignals:onListening:)``.
    ///
    /// - Parameters:
    ///   - configuration: The configuration.
    ///   - logger: The logger.
    public init(configuration: ServerConfiguration, logger: Logger) {
        self.configuration = configuration
        self.logger = logger
    }
}
