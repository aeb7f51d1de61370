import Dashboard
import HTTPTypes
import HistoryAPI
import Hummingbird
import HummingbirdCore
import HummingbirdTLS
import Logging
import NIOCore
import NIOSSL
import NIOWebSocket

/// The HTTP endpoint (HTTPS when configured with TLS): STOMP over WebSocket at `/stomp`, the history API under `/api/v1`
/// (behind HTTP Basic or Bearer authentication), `GET /openapi.json`, `GET /healthz`,
/// `GET /readyz` and `GET /metrics`.
///
/// A WebSocket upgrade whose URL carries credentials (``URLCredentials``) is refused with
/// 400: URLs end up in access logs, proxies and browser history, so tokens travel in the
/// STOMP `CONNECT` frame only.
///
/// `/metrics` needs no credentials, like the health checks: Prometheus scrapers rarely
/// carry them, and it shows counts, positions and topic names, never rows. Operators who
/// must hide topic names keep the port off public networks.
enum HTTPServer {
    /// Builds the Hummingbird application.
    ///
    /// - Parameters:
    ///   - host: The address to bind.
    ///   - port: The port; `0` picks a free one.
    ///   - driver: Serves each WebSocket connection.
    ///   - history: The history API.
    ///   - authenticator: Who may use the history API.
    ///   - readiness: Answers `/readyz`.
    ///   - metrics: The server's metrics; every HTTP request is counted in them.
    ///   - sampler: Answers `/metrics`.
    ///   - origins: Which browser pages may open WebSockets.
    ///   - maxMessageSize: The largest WebSocket message: a whole STOMP frame at the limits.
    ///   - idleTimeout: How long an HTTP connection may sit idle or take to send a request.
    ///   - tls: The certificate and key for HTTPS and `wss://`; `nil` for plain HTTP.
    ///   - logger: Hummingbird's logger.
    ///   - onListening: Told the bound port once listening.
    static func application(
        host: String, port: Int, driver: ConnectionDriver, history: HistoryAPI, authenticator: Authenticator, readiness: Readiness,
        metrics: ServerMetrics, sampler: MetricsSampler, origins: OriginPolicy, maxMessageSize: Int, idleTimeout: Duration,
        tls: TLSConfiguration?, logger: Logger,
        onListening: @escaping @Sendable (Endpoint, Int) async -> Void
    ) -> some ApplicationProtocol {
        let router = Router(context: PGLiveRequestContext.self)
        router.add(middleware: HTTPMetricsMiddleware(factory: metrics.factory))
        router.add(middleware: JSONErrors())
        router.get("/healthz") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "application/json"],
                body: ResponseBody(byteBuffer: ByteBuffer(string: #"{"status":"ok"}"#)))
        }
        router.get("/readyz") { _, _ in
            let reasons = await readiness.problems()
            return Response(
                status: reasons.isEmpty ? .ok : .serviceUnavailable, headers: [.contentType: "application/json", .cacheControl: "no-store"],
                body: ResponseBody(byteBuffer: ByteBuffer(string: Readiness.body(for: reasons))))
        }
        router.get("/metrics") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8", .cacheControl: "no-store"],
                body: ResponseBody(byteBuffer: await sampler.scrape()))
        }
        OpenAPIDocument.addRoute(to: router)
        history.addRoutes(to: router.group("api/v1").add(middleware: RequestAuthentication(authenticator: authenticator, logger: logger)))
        Dashboard.addRoutes(to: router)
        // Reached by a plain GET, which gets the reason; a refused upgrade gets a bare 400
        // (its reason is logged, STOMPUpgradeChannel).
        router.get("/stomp") { request, _ -> Response in
            if let refusal = UpgradeRefusal(origin: request.headers[.origin], host: request.head.authority, uri: request.uri, origins: origins) {
                throw refusal.error
            }
            throw HistoryError(.invalidParameter, "/stomp takes a WebSocket upgrade", detail: "connect with a STOMP over WebSocket client")
        }
        return Application(
            router: router,
            server: HTTPServerBuilder { responder -> any ServerChildChannel in
                let channel = RequestHeadDeadlineChannel(
                    base: STOMPUpgradeChannel(
                        responder: responder, origins: origins, maxMessageSize: maxMessageSize, idleTimeout: idleTimeout,
                        openSession: { channel in
                            try driver.open(channel, transport: WebSocketTransport(channel: channel)) { (message: WebSocketFrame) in
                                message.unmaskedData
                            }
                        }),
                    timeout: TimeAmount(idleTimeout))
                guard let tls else { return channel }
                return try TLSChannel(channel, tlsConfiguration: tls)
            },
            configuration: .init(address: .hostname(host, port: port), serverName: "pglive", backlog: 1024),
            onServerRunning: { channel in await onListening(.http, channel.localAddress?.port ?? port) },
            logger: logger)
    }
}
