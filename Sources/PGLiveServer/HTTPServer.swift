import Dashboard
import HTTPTypes
import HistoryAPI
import Hummingbird
import HummingbirdWebSocket
import Logging
import NIOCore

/// The HTTP endpoint: STOMP over WebSocket at `/stomp`, the history API under `/api/v1`
/// (behind HTTP Basic authentication), `GET /openapi.json`, `GET /healthz` and `GET /readyz`.
enum HTTPServer {
    /// The largest WebSocket message: a 1 MiB STOMP body plus its headers.
    static let maxMessageSize = (1 << 20) + (64 << 10)

    /// Builds the Hummingbird application.
    ///
    /// - Parameters:
    ///   - host: The address to bind.
    ///   - port: The port; `0` picks a free one.
    ///   - driver: Serves each WebSocket connection.
    ///   - history: The history API.
    ///   - authenticator: Who may use the history API.
    ///   - readiness: Answers `/readyz`.
    ///   - logger: Hummingbird's logger.
    ///   - onListening: Told the bound port once listening.
    static func application(
        host: String, port: Int, driver: ConnectionDriver, history: HistoryAPI, authenticator: Authenticator, readiness: Readiness,
        logger: Logger,
        onListening: @escaping @Sendable (Endpoint, Int) async -> Void
    ) -> some ApplicationProtocol {
        let router = Router()
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
        OpenAPIDocument.addRoute(to: router)
        history.addRoutes(to: router.group("api/v1").add(middleware: BasicAuthentication(authenticator: authenticator)))
        Dashboard.addRoutes(to: router)
        let webSocketRouter = Router(context: BasicWebSocketRequestContext.self)
        webSocketRouter.ws("/stomp") { request, _ in
            guard let chosen = WebSocketSubprotocol.choose(from: request.headers[values: .secWebSocketProtocol]) else {
                return .upgrade([:])
            }
            return .upgrade([.secWebSocketProtocol: chosen])
        } onUpgrade: { inbound, outbound, _ in
            await driver.run(
                reading: { deliver in
                    for try await message in inbound.messages(maxSize: Self.maxMessageSize) {
                        switch message {
                        case .text(let text): deliver(ByteBuffer(string: text))
                        case .binary(let bytes): deliver(bytes)
                        }
                    }
                },
                transport: WebSocketTransport(outbound: outbound))
        }
        return Application(
            router: router,
            server: .http1WebSocketUpgrade(
                webSocketRouter: webSocketRouter,
                configuration: .init(ws: .init(maxFrameSize: Self.maxMessageSize, autoPing: .disabled))),
            configuration: .init(address: .hostname(host, port: port), serverName: "pglive", backlog: 1024),
            onServerRunning: { channel in await onListening(.http, channel.localAddress?.port ?? port) },
            logger: logger)
    }
}
