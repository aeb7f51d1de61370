import HTTPTypes
import HummingbirdCore
import Logging
import NIOCore
import NIOHTTP1
import NIOHTTPTypes
import NIOHTTPTypesHTTP1
import NIOWebSocket

/// The HTTP endpoint's connections: HTTP/1.1 served by Hummingbird's responder, or, when
/// the first request asks for it, the upgrade to STOMP over WebSocket at `/stomp`. An
/// upgraded connection is handed to the ``ConnectionDriver`` and the HTTP server's task
/// for it ends: a task keeps every stack slab its deepest call needed until it ends, and
/// with the session run in it (as hummingbird-websocket does) an idle session kept ~30 KiB
/// (`Benchmarks/RESULTS.md`).
///
/// The upgrade is refused with a bare 400 when the page's origin is not allowed
/// (``OriginPolicy``), when the URL carries credentials (``URLCredentials``) or when the
/// path is not `/stomp`; the reason is logged. A plain `GET /stomp` reaches the router,
/// which answers with the reason.
struct STOMPUpgradeChannel: ServerChildChannel, HTTPChannelHandler {
    /// What became of a connection's first request.
    enum Upgrade: Sendable {
        /// Upgraded: the STOMP session has the connection.
        case stomp
        /// An ordinary HTTP connection.
        case http(NIOAsyncChannel<HTTPRequestPart, HTTPResponsePart>)
        /// An upgrade was asked for and refused.
        case refused(NIOAsyncChannel<HTTPRequestPart, HTTPResponsePart>)
    }

    /// The connection and what its first request made of it.
    struct Value: ServerChildChannelValue {
        let upgrade: EventLoopFuture<Upgrade>
        let channel: any Channel
    }

    /// Serves HTTP requests.
    let responder: HTTPChannelHandler.Responder
    /// Which browser pages may open WebSockets.
    let origins: OriginPolicy
    /// The largest WebSocket message: a whole STOMP frame at the limits.
    let maxMessageSize: Int
    /// How long an HTTP connection may sit idle between requests.
    let idleTimeout: Duration
    /// Serves an upgraded connection's STOMP session from the end of its pipeline, whose
    /// last handler delivers whole WebSocket data messages; called on the event loop.
    /// `false` when the server no longer takes sessions (the connection is then closed).
    let openSession: @Sendable (any Channel) throws -> Bool

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        channel.eventLoop.makeCompletedFuture {
            let upgradeAsked = NIOLoopBoundBox(false, eventLoop: channel.eventLoop)
            let firstRequestErrors = FirstRequestErrorHandler()
            let upgrader = NIOTypedWebSocketServerUpgrader<Upgrade>(
                maxFrameSize: self.maxMessageSize,
                shouldUpgrade: { channel, head in
                    upgradeAsked.value = true
                    return channel.eventLoop.makeSucceededFuture(self.answer(to: head, logger: logger))
                },
                upgradePipelineHandler: { channel, _ in
                    channel.eventLoop.makeCompletedFuture {
                        try channel.pipeline.syncOperations.addHandlers(
                            NIOWebSocketFrameAggregator(
                                minNonFinalFragmentSize: 0, maxAccumulatedFrameCount: .max, maxAccumulatedFrameSize: self.maxMessageSize),
                            WebSocketControlHandler())
                        if try !self.openSession(channel) {
                            channel.close(promise: nil)
                        }
                        return .stomp
                    }
                })
            let upgrade = NIOTypedHTTPServerUpgradeConfiguration(
                upgraders: [upgrader],
                notUpgradingCompletionHandler: { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try channel.pipeline.syncOperations.addHandler(HTTP1ToHTTPServerCodec(secure: false))
                        try channel.pipeline.syncOperations.addHandler(
                            HTTPConnectionStateHandler(idleTimeout: self.idleTimeout, logger: logger))
                        let http = try NIOAsyncChannel<HTTPRequestPart, HTTPResponsePart>(
                            wrappingChannelSynchronously: channel, configuration: .init(isOutboundHalfClosureEnabled: true))
                        return upgradeAsked.value ? .refused(http) : .http(http)
                    }
                })
            var configuration = NIOUpgradableHTTPServerPipelineConfiguration(upgradeConfiguration: upgrade)
            // As in Hummingbird's own HTTP/1 channel: the async channel pipelines, HTTP types
            // validate the response headers, and Hummingbird answers parse errors, though only
            // once the upgrade decision has added its handlers. Until then
            // `FirstRequestErrorHandler` answers a request head the decoder refuses (over the
            // limits below, or not HTTP) with a 400 and closes; without it the connection hung
            // unanswered until the client left.
            configuration.enablePipelining = false
            configuration.enableResponseHeaderValidation = false
            configuration.enableErrorHandling = false
            // Hummingbird's request-head limits, which NIO's defaults exceed (65,534 header
            // fields instead of 1,000).
            let limits = HTTP1Channel.Configuration().httpDecoder
            configuration.decoderConfiguration.maxHeaderFieldSize = limits.maxHeaderFieldSize
            configuration.decoderConfiguration.maxHeaderListSize = limits.maxHeaderListSize
            configuration.decoderConfiguration.maxHeaderFieldCount = limits.maxHeaderFieldCount
            let upgraded = try channel.pipeline.syncOperations.configureUpgradableHTTPServerPipeline(configuration: configuration)
            try channel.pipeline.syncOperations.addHandler(firstRequestErrors)
            upgraded.whenComplete { _ in
                channel.pipeline.syncOperations.removeHandler(firstRequestErrors, promise: nil)
            }
            return Value(upgrade: upgraded, channel: channel)
        }
    }

    func handle(value: Value, logger: Logger) async {
        do {
            switch try await value.upgrade.get() {
            case .http(let http):
                await self.handleHTTP(asyncChannel: http, logger: logger)
            case .refused(let http):
                await Self.refuse(http)
            case .stomp:
                break
            }
        } catch {
            logger.debug("HTTP connection ended before its first request", metadata: ["error": "\(error)"])
        }
    }

    /// The upgrade's response headers (the chosen subprotocol, if any), or `nil` to refuse it.
    private func answer(to head: HTTPRequestHead, logger: Logger) -> HTTPHeaders? {
        let uri = URI(head.uri)
        guard uri.path == "/stomp" else {
            logger.info("WebSocket upgrade refused: no WebSocket at this path", metadata: ["path": "\(uri.path)"])
            return nil
        }
        let refusal = UpgradeRefusal(
            origin: head.headers.first(name: "origin"), host: head.headers.first(name: "host"), uri: uri, origins: self.origins)
        switch refusal {
        case .originNotAllowed(let origin):
            logger.info("WebSocket upgrade refused: origin not allowed", metadata: ["origin": "\(origin)"])
            return nil
        case .credentialsInURL(let name):
            logger.info("WebSocket upgrade refused: credentials in the URL", metadata: ["parameter": "\(name)"])
            return nil
        case nil:
            break
        }
        guard let chosen = WebSocketSubprotocol.choose(from: head.headers["sec-websocket-protocol"]) else {
            return HTTPHeaders()
        }
        return HTTPHeaders([("Sec-WebSocket-Protocol", chosen)])
    }

    /// Answers a refused upgrade with 400 and closes the connection.
    private static func refuse(_ http: NIOAsyncChannel<HTTPRequestPart, HTTPResponsePart>) async {
        try? await http.executeThenClose { _, outbound in
            let head = HTTPResponse(status: .badRequest, headerFields: [.connection: "close", .contentLength: "0"])
            try await outbound.write(contentsOf: [.head(head), .end(nil)])
        }
    }
}
