import NIOCore
import NIOWebSocket

/// Answers a STOMP WebSocket client's control frames on the event loop and passes only
/// whole data messages on (RFC 6455, section 5.5): a ping gets a pong with its payload, a
/// pong is dropped, a close is answered with a close echoing its status code and the
/// socket is then closed; a close the server sent ends with the socket closed when the
/// client answers it. A reserved opcode closes with 1002 (protocol error), a message over
/// the size limit with 1009 (message too big).
///
/// Placed after NIO's `NIOWebSocketFrameAggregator`, whose errors it turns into those
/// closes, so fragments arrive here as one message.
final class WebSocketControlHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = WebSocketFrame
    typealias InboundOut = WebSocketFrame
    typealias OutboundIn = WebSocketFrame
    typealias OutboundOut = WebSocketFrame

    /// Whether a close frame went to the client: its answer then closes the socket.
    private var closeSent = false

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let frame = self.unwrapInboundIn(data)
        switch frame.opcode {
        case .text, .binary:
            context.fireChannelRead(data)
        case .ping:
            let pong = WebSocketFrame(fin: true, opcode: .pong, data: frame.unmaskedData)
            context.writeAndFlush(self.wrapOutboundOut(pong), promise: nil)
        case .pong:
            break
        case .connectionClose:
            if self.closeSent {
                context.close(promise: nil)
            } else {
                var payload = frame.unmaskedData
                self.close(context: context, payload: payload.readSlice(length: 2) ?? ByteBuffer())
            }
        default:
            self.close(context: context, code: .protocolError)
        }
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if self.unwrapOutboundIn(data).opcode == .connectionClose {
            self.closeSent = true
        }
        context.write(data, promise: promise)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        switch error as? NIOWebSocketFrameAggregator.Error {
        case .accumulatedFrameSizeIsTooLarge?:
            self.close(context: context, code: .messageTooLarge)
        case .some:
            self.close(context: context, code: .protocolError)
        case nil:
            // Socket errors: the session's input handler closes the connection.
            context.fireErrorCaught(error)
        }
    }

    /// Sends a close frame with `code`, then closes the socket.
    private func close(context: ChannelHandlerContext, code: WebSocketErrorCode) {
        var payload = context.channel.allocator.buffer(capacity: 2)
        payload.write(webSocketErrorCode: code)
        self.close(context: context, payload: payload)
    }

    /// Sends a close frame with `payload` (a status code, or nothing), then closes the
    /// socket: the server closes first (RFC 6455, section 7.1.1).
    private func close(context: ChannelHandlerContext, payload: ByteBuffer) {
        guard !self.closeSent else {
            context.close(promise: nil)
            return
        }
        self.closeSent = true
        let frame = WebSocketFrame(fin: true, opcode: .connectionClose, data: payload)
        let channel = context.channel
        context.writeAndFlush(self.wrapOutboundOut(frame)).whenComplete { _ in
            channel.close(promise: nil)
        }
    }
}
