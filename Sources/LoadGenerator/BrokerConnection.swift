import NIOConcurrencyHelpers
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOWebSocket
import STOMP

/// One STOMP-over-WebSocket connection of the benchmark, subscriber or publisher.
///
/// The handler lives on the channel's event loop; every method hops there.
struct BrokerConnection: Sendable {
    /// The WebSocket channel.
    let channel: any Channel
    private let handler: NIOLoopBound<STOMPClientHandler>

    /// Opens a TCP connection and upgrades it to WebSocket with subprotocol `v12.stomp`.
    ///
    /// - Parameters:
    ///   - url: The broker's WebSocket URL.
    ///   - group: The event loops to run on.
    ///   - counting: Whether MESSAGE frames are counted (subscribers) or not (publisher).
    ///   - deliveries: All subscribers' first deliveries, counted for the saturation window.
    ///   - timeout: How long the TCP connect and, separately, the upgrade may take.
    /// - Throws: A connect error, ``LoadGeneratorError/upgradeRefused`` or
    ///   ``LoadGeneratorError/timedOut(step:)``.
    static func open(
        url: WebSocketURL,
        group: any EventLoopGroup,
        timeout: TimeAmount,
        counting: Bool,
        deliveries: NIOLockedValueBox<Int>
    ) async throws -> BrokerConnection {
        let upgrade: EventLoopFuture<BrokerConnection?> = try await ClientBootstrap(group: group)
            .channelOption(.socketOption(.tcp_nodelay), value: 1)
            .connectTimeout(timeout)
            .connect(host: url.host, port: url.port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    let upgraded = try channel.pipeline.syncOperations.configureUpgradableHTTPClientPipeline(
                        configuration: .init(
                            upgradeConfiguration: Self.upgradeConfiguration(url: url, counting: counting, deliveries: deliveries)))
                    // A server out of file descriptors accepts in the kernel and never answers.
                    let timer = channel.eventLoop.scheduleTask(in: timeout) {
                        channel.pipeline.fireErrorCaught(LoadGeneratorError.timedOut(step: "the WebSocket upgrade"))
                        channel.close(promise: nil)
                    }
                    upgraded.whenComplete { _ in timer.cancel() }
                    return upgraded
                }
            }
        guard let connection = try await upgrade.get() else {
            throw LoadGeneratorError.upgradeRefused
        }
        return connection
    }

    /// Sends CONNECT (STOMP 1.2, no heart-beats) and waits for CONNECTED.
    ///
    /// - Parameters:
    ///   - host: The `host` header, the URL's host.
    ///   - login: The `login` header, if any.
    ///   - passcode: The `passcode` header, if any.
    ///   - timeout: How long to wait for CONNECTED.
    func connect(host: String, login: String?, passcode: String?, timeout: TimeAmount) async throws {
        var headers: STOMPHeaders = ["accept-version": "1.2", "host": host, "heart-beat": "0,0"]
        if let login {
            headers.add(name: "login", value: login)
        }
        if let passcode {
            headers.add(name: "passcode", value: passcode)
        }
        let frame = STOMPFrame(.connect, headers: headers)
        try await self.onLoop { $0.request(frame, awaiting: STOMPClientHandler.connectedKey, timeout: timeout) }
    }

    /// Subscribes with `ack:auto` and waits for the receipt.
    ///
    /// - Parameters:
    ///   - destination: The destination, such as `/topic/bench`.
    ///   - timeout: How long to wait for the RECEIPT.
    func subscribe(destination: String, timeout: TimeAmount) async throws {
        let receipt = "subscribed"
        let frame = STOMPFrame(
            .subscribe, headers: ["id": "0", "destination": destination, "ack": "auto", "receipt": receipt])
        try await self.onLoop { $0.request(frame, awaiting: receipt, timeout: timeout) }
    }

    /// The subscriber's statistics so far; empty for the publisher.
    func snapshot() async throws -> SubscriberStats {
        let handler = self.handler
        return try await self.channel.eventLoop.submit { handler.value.tally?.snapshot ?? SubscriberStats() }.get()
    }

    /// The connection's failure, if it failed.
    func failure() async throws -> LoadGeneratorError? {
        let handler = self.handler
        return try await self.channel.eventLoop.submit { handler.value.failure }.get()
    }

    /// Runs `body` with the handler on the channel's event loop.
    ///
    /// - Parameters:
    ///   - body: Code that may use the event-loop-confined handler.
    func execute(_ body: @escaping @Sendable (STOMPClientHandler) -> Void) {
        let handler = self.handler
        self.channel.eventLoop.execute { body(handler.value) }
    }

    /// Closes the connection without counting it as a failure.
    func close() async throws {
        let handler = self.handler
        try await self.channel.eventLoop.submit { handler.value.close() }.get()
        try? await self.channel.closeFuture.get()
    }

    private func onLoop(_ body: @escaping @Sendable (STOMPClientHandler) -> EventLoopFuture<Void>) async throws {
        let handler = self.handler
        try await self.channel.eventLoop.flatSubmit { body(handler.value) }.get()
    }

    private static func upgradeConfiguration(
        url: WebSocketURL,
        counting: Bool,
        deliveries: NIOLockedValueBox<Int>
    ) -> NIOTypedHTTPClientUpgradeConfiguration<BrokerConnection?> {
        let upgrader = NIOTypedWebSocketClientUpgrader<BrokerConnection?>(
            maxFrameSize: 1 << 24,
            upgradePipelineHandler: { channel, _ in
                channel.eventLoop.makeCompletedFuture {
                    let handler = STOMPClientHandler(tally: counting ? SubscriberTally(deliveries: deliveries) : nil)
                    try channel.pipeline.syncOperations.addHandler(handler)
                    return BrokerConnection(channel: channel, handler: NIOLoopBound(handler, eventLoop: channel.eventLoop))
                }
            })
        let headers = HTTPHeaders([("Host", url.hostHeader), ("Sec-WebSocket-Protocol", "v12.stomp")])
        return NIOTypedHTTPClientUpgradeConfiguration(
            upgradeRequestHead: HTTPRequestHead(version: .http1_1, method: .GET, uri: url.path, headers: headers),
            upgraders: [upgrader],
            notUpgradingCompletionHandler: { channel in
                channel.close(promise: nil)
                return channel.eventLoop.makeSucceededFuture(nil)
            })
    }
}
