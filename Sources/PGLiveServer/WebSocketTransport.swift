import HummingbirdWebSocket
import NIOCore
import NIOWebSocket

/// STOMP over WebSocket: one frame per WebSocket message, text unless the frame is not
/// valid UTF-8.
///
/// A drained batch goes to the channel as one buffer of whole WebSocket frames
/// (``WebSocketMessages``), written below the pipeline's frame encoder in one event-loop
/// turn with one flush, as on the TCP endpoint; Hummingbird's writer (which flushes after
/// every frame) is used only to close.
struct WebSocketTransport: FrameTransport {
    static let name = "websocket"

    /// Hummingbird's writer for the connection, for the close handshake.
    let outbound: WebSocketOutboundWriter
    /// The connection's channel; its pipeline holds NIO's `WebSocketFrameEncoder`.
    let channel: any Channel
    /// The encoder's context, found on the first write: looking it up by type on every
    /// write was ~3% of the server's CPU at saturation.
    private let encoder: NIOLoopBoundBox<ChannelHandlerContext?>

    /// Creates the transport of an upgraded connection.
    ///
    /// - Parameters:
    ///   - outbound: Hummingbird's writer, for the close handshake.
    ///   - channel: The connection's channel.
    init(outbound: WebSocketOutboundWriter, channel: any Channel) {
        self.outbound = outbound
        self.channel = channel
        self.encoder = .makeEmptyBox(valueType: ChannelHandlerContext.self, eventLoop: channel.eventLoop)
    }

    var eventLoop: any EventLoop {
        self.channel.eventLoop
    }

    func send(_ frames: [OutboundFrame], completion: @escaping @Sendable ((any Error)?) -> Void) {
        let bytes = WebSocketMessages.encode(frames, allocator: self.channel.allocator)
        let (channel, box) = (self.channel, self.encoder)
        channel.eventLoop.executeWrite(reporting: completion) { written in
            do {
                // The encoder's context writes towards the socket, past the encoder itself.
                let encoder = try box.value ?? channel.pipeline.syncOperations.context(handlerType: WebSocketFrameEncoder.self)
                box.value = encoder
                encoder.writeAndFlush(NIOAny(bytes), promise: written)
            } catch {
                written.fail(error)
            }
        }
    }

    func close() async {
        try? await self.outbound.close(.normalClosure, reason: nil)
    }

    func abort() async {
        try? await self.channel.close()
    }
}
