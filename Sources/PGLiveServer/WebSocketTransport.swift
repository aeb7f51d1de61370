import NIOCore
import NIOWebSocket

/// STOMP over WebSocket: one frame per WebSocket message, text unless the frame is not
/// valid UTF-8.
///
/// A drained batch goes to the channel as one buffer of whole WebSocket frames
/// (``WebSocketMessages``), written below the pipeline's frame encoder in one event-loop
/// turn with one flush, as on the TCP endpoint. Closing sends a close frame through the
/// pipeline and half-closes the socket; ``WebSocketControlHandler`` closes it once the
/// client answers.
struct WebSocketTransport: FrameTransport {
    static let name = "websocket"

    /// The connection's channel; its pipeline holds NIO's `WebSocketFrameEncoder`.
    let channel: any Channel
    /// The encoder's context, found on the first write: looking it up by type on every
    /// write was ~3% of the server's CPU at saturation.
    private let encoder: NIOLoopBoundBox<ChannelHandlerContext?>

    /// Creates the transport of an upgraded connection.
    ///
    /// - Parameters:
    ///   - channel: The connection's channel.
    init(channel: any Channel) {
        self.channel = channel
        self.encoder = .makeEmptyBox(valueType: ChannelHandlerContext.self, eventLoop: channel.eventLoop)
    }

    var eventLoop: any EventLoop {
        self.channel.eventLoop
    }

    func send(_ frames: [OutboundFrame], completion: @escaping @Sendable ((any Error)?) -> Void) {
        let (channel, box) = (self.channel, self.encoder)
        channel.eventLoop.executeWrite(reporting: completion) { written in
            // Encoded here, on the connection's event loop: the hub hands batches to many
            // sessions in a row, and their event loops share the copying.
            let bytes = WebSocketMessages.encode(frames, allocator: channel.allocator)
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
        var status = self.channel.allocator.buffer(capacity: 2)
        status.write(webSocketErrorCode: .normalClosure)
        let channel = self.channel
        await withTaskCancellationHandler {
            try? await channel.writeAndFlush(WebSocketFrame(fin: true, opcode: .connectionClose, data: status))
            // Half-closes the socket: the server closes first (RFC 6455, section 7.1.1), and a
            // client that does not answer close frames still sees the end.
            try? await channel.close(mode: .output)
            try? await channel.closeFuture.get()
        } onCancel: {
            channel.close(promise: nil)
        }
    }

    func abort() async {
        try? await self.channel.close()
    }
}
