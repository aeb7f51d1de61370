import Hummingbird
import HummingbirdWebSocket
import NIOCore
import Synchronization

/// The request context of `/stomp` upgrades: Hummingbird's WebSocket context plus the
/// connection's channel, so ``WebSocketTransport`` can write a drained batch of frames
/// with one flush (Hummingbird's writer flushes after every frame).
///
/// Its ``webSocket`` reference is let go when the channel closes. Hummingbird's WebSocket
/// route stores a copy of the context in that reference's box (hummingbird-websocket
/// 2.8.1, `RouterMethods.ws`), and the context holds the box: a reference cycle that
/// nothing breaks, which kept every closed connection's context, and through
/// ``channel`` its NIO channel with its buffers, for the life of the process (~5 KiB per
/// closed session, `Benchmarks/RESULTS.md`).
struct STOMPWebSocketRequestContext: RequestContext, WebSocketRequestContext {
    var coreContext: CoreRequestContextStorage
    /// The TCP connection the WebSocket runs on.
    let channel: any Channel
    /// Holds the ``webSocket`` reference until the channel closes.
    private let handler: HandlerSlot

    /// Where Hummingbird's WebSocket route leaves the upgrade's handler; a fresh, empty
    /// reference once the channel has closed (Hummingbird reads it only before upgrading).
    var webSocket: WebSocketHandlerReference<Self> {
        self.handler.reference.withLock { $0 } ?? WebSocketHandlerReference()
    }

    init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.channel = source.channel
        let handler = HandlerSlot()
        self.handler = handler
        // Breaks the cycle through the reference's box, whether or not the upgrade
        // happened: the callback holds the slot, not the channel.
        source.channel.closeFuture.whenComplete { _ in
            handler.reference.withLock { $0 = nil }
        }
    }

    /// The context's ``webSocket`` reference, shared by every copy of the context.
    private final class HandlerSlot: Sendable {
        let reference = Mutex<WebSocketHandlerReference<STOMPWebSocketRequestContext>?>(WebSocketHandlerReference())
    }
}
