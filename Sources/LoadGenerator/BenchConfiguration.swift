/// What a `pglive bench` run does.
///
/// ```swift
/// let configuration = try BenchConfiguration(
///     url: WebSocketURL("ws://127.0.0.1:15674/ws"), subscribers: 100, rate: 50, seconds: 15)
/// ```
public struct BenchConfiguration: Sendable, Equatable {
    /// The broker's STOMP WebSocket endpoint.
    public var url: WebSocketURL
    /// Subscriber connections to open.
    public var subscribers: Int
    /// Messages per second; 0 for saturation.
    public var rate: Int
    /// The send phase's length, or how long idle subscriptions are held.
    public var seconds: Int
    /// The destination subscribed to and sent to.
    public var destination: String
    /// The CONNECT `host` header: the URL's host unless given (RabbitMQ reads it as the
    /// virtual host, so it wants `/`).
    public var stompHost: String
    /// The CONNECT `login` header.
    public var login: String?
    /// The CONNECT `passcode` header.
    public var passcode: String?
    /// Hold subscriptions without traffic instead of publishing.
    public var idle: Bool
    /// At saturation, the most deliveries in flight: messages sent × subscribers − deliveries.
    public var window: Int
    /// How long to wait after the send phase for deliveries still under way.
    public var drainSeconds: Int
    /// How many connections are opened at once.
    public var connectConcurrency: Int
    /// How long each handshake step may take: TCP connect, WebSocket upgrade, CONNECTED, RECEIPT.
    public var handshakeSeconds: Int

    /// Creates a configuration and checks it.
    ///
    /// - Parameters:
    ///   - url: The broker's STOMP WebSocket endpoint.
    ///   - subscribers: Subscriber connections, at least 1.
    ///   - rate: Messages per second, 0 for saturation.
    ///   - seconds: The send phase's length, at least 1.
    ///   - destination: The destination; `/topic/bench` by default.
    ///   - stompHost: The CONNECT `host` header; the URL's host by default.
    ///   - login: The CONNECT `login` header.
    ///   - passcode: The CONNECT `passcode` header.
    ///   - idle: Hold subscriptions without traffic.
    ///   - window: Saturation's bound on deliveries in flight; 10,000 by default.
    ///   - drainSeconds: The wait for stragglers; 5 by default.
    ///   - connectConcurrency: Connections opened at once; 100 by default.
    ///   - handshakeSeconds: The timeout of each handshake step; 30 by default.
    /// - Throws: ``LoadGeneratorError/invalidOption(_:)`` for a value out of range.
    public init(
        url: WebSocketURL,
        subscribers: Int,
        rate: Int,
        seconds: Int,
        destination: String = "/topic/bench",
        stompHost: String? = nil,
        login: String? = nil,
        passcode: String? = nil,
        idle: Bool = false,
        window: Int = 10_000,
        drainSeconds: Int = 5,
        connectConcurrency: Int = 100,
        handshakeSeconds: Int = 30
    ) throws(LoadGeneratorError) {
        let checks: [(Bool, String)] = [
            (subscribers >= 1, "--subscribers must be at least 1"),
            (rate >= 0, "--rate must be 0 (saturation) or more"),
            (seconds >= 1, "--seconds must be at least 1"),
            (window >= 1, "--window must be at least 1"),
            (drainSeconds >= 0, "--drain-seconds must be 0 or more"),
            (connectConcurrency >= 1, "--connect-concurrency must be at least 1"),
            (handshakeSeconds >= 1, "--handshake-seconds must be at least 1"),
            (!destination.isEmpty, "--destination must not be empty"),
        ]
        if let failed = checks.first(where: { !$0.0 }) {
            throw .invalidOption(failed.1)
        }
        self.url = url
        self.subscribers = subscribers
        self.rate = rate
        self.seconds = seconds
        self.destination = destination
        self.stompHost = stompHost ?? url.host
        self.login = login
        self.passcode = passcode
        self.idle = idle
        self.window = window
        self.drainSeconds = drainSeconds
        self.connectConcurrency = connectConcurrency
        self.handshakeSeconds = handshakeSeconds
    }
}
