import Hummingbird
import HummingbirdWebSocket
import NIOCore

/// The request context of `/stomp` upgrades: Hummingbird's WebSocket context plus the
/// connection's channel, so ``WebSocketTransport`` can write a drained batch of frames
/// with one flush (Hummingbird's writer flushes after every frame).
struct STOMPWebSocketRequestContext: RequestContext, WebSocketRequestContext {
    var coreContext: CoreRequestContextStorage
    let webSocket: WebSocketHandlerReference<Self>
    /// The TCP connection the WebSocket runs on.
    let channel: any Channel

    init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.webSocket = .init()
        self.channel = source.channel
    }
}
