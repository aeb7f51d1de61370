import HummingbirdWebSocket
import NIOCore
import NIOWebSocket

/// Reads a STOMP session's WebSocket frames in the channel pipeline, on the event loop,
/// instead of in a task per connection iterating Hummingbird's inbound stream: such a task
/// keeps the stack slabs of its deepest call for the connection's whole life, which was a
/// large part of an idle session's memory (`Benchmarks/RESULTS.md`).
///
/// Installed right after NIO's frame decoder once the upgrade is done. Data frames' bytes
/// go to the session (fragments as they come: STOMP frames are a byte stream across
/// WebSocket messages); pings are answered with pongs; a close frame ends the session and
/// continues to Hummingbird, which completes the close handshake when the session ends;
/// a frame with a reserved opcode or bit closes the connection (RFC 6455, section 5.2).
///
/// Frames that reached Hummingbird's inbound stream before the reader was installed are
/// read from that stream up to a marker frame the reader sends after them
/// (``takeOver(channel:inbound:deliver:ended:)``); frames arriving meanwhile are held
/// back, so the session receives everything in order.
final class WebSocketFrameReader: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = WebSocketFrame
    typealias InboundOut = WebSocketFrame
    typealias OutboundOut = WebSocketFrame

    /// Hands the client's bytes to the session.
    private let deliver: @Sendable (ByteBuffer) -> Void
    /// Tells the session that the client is gone.
    private let ended: @Sendable () -> Void
    /// The payload of the marker frame: random, so no client can forge it.
    private let marker: ByteBuffer
    /// Data received before the frames ahead of the marker were delivered; `nil` after.
    private var held: [ByteBuffer]? = []
    private var hasEnded = false

    private init(deliver: @escaping @Sendable (ByteBuffer) -> Void, ended: @escaping @Sendable () -> Void, marker: ByteBuffer) {
        self.deliver = deliver
        self.ended = ended
        self.marker = marker
    }

    /// Installs a reader on an upgraded channel and delivers what Hummingbird's inbound
    /// stream already holds; returns once the reader delivers everything after that, or
    /// once the client is gone.
    ///
    /// - Parameters:
    ///   - channel: The upgraded connection.
    ///   - inbound: Hummingbird's inbound stream of the connection, iterated here only.
    ///   - deliver: Hands the client's bytes to the session.
    ///   - ended: Tells the session that the client is gone.
    static func takeOver(
        channel: any Channel, inbound: WebSocketInboundStream,
        deliver: @escaping @Sendable (ByteBuffer) -> Void, ended: @escaping @Sendable () -> Void
    ) async throws {
        let marker = ByteBuffer(bytes: (0..<16).map { _ in UInt8.random(in: 0...255) })
        let installed = try await channel.eventLoop.submit {
            let reader = WebSocketFrameReader(deliver: deliver, ended: ended, marker: marker)
            let decoder = try channel.pipeline.syncOperations.context(handlerType: ByteToMessageHandler<WebSocketFrameDecoder>.self)
            try channel.pipeline.syncOperations.addHandler(reader, position: .after(decoder.handler))
            return NIOLoopBound(reader, eventLoop: channel.eventLoop)
        }.get()
        for try await frame in inbound {
            if frame.data == marker {
                channel.eventLoop.execute { installed.value.releaseHeld() }
                return
            }
            deliver(frame.data)
        }
        ended()
    }

    func handlerAdded(context: ChannelHandlerContext) {
        // Behind everything Hummingbird's inbound stream already holds.
        context.fireChannelRead(self.wrapInboundOut(WebSocketFrame(fin: true, opcode: .binary, data: self.marker)))
        context.fireChannelReadComplete()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let frame = self.unwrapInboundIn(data)
        guard !frame.rsv1, !frame.rsv2, !frame.rsv3 else {
            context.close(promise: nil)
            return
        }
        switch frame.opcode {
        case .text, .binary, .continuation:
            let bytes = frame.unmaskedData
            if self.held != nil {
                self.held?.append(bytes)
            } else {
                self.deliver(bytes)
            }
        case .ping:
            context.writeAndFlush(
                self.wrapOutboundOut(WebSocketFrame(fin: true, opcode: .pong, data: frame.unmaskedData)), promise: nil)
        case .pong:
            break
        case .connectionClose:
            context.fireChannelRead(data)
            context.fireChannelReadComplete()
            self.end()
        default:
            context.close(promise: nil)
        }
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        // Hummingbird's server allows half-closure: a client's FIN arrives as this event,
        // not as the channel's end.
        if case .some(ChannelEvent.inputClosed) = event as? ChannelEvent {
            self.end()
        }
        context.fireUserInboundEventTriggered(event)
    }

    func channelInactive(context: ChannelHandlerContext) {
        self.end()
        context.fireChannelInactive()
    }

    /// Delivers what arrived while the frames ahead of the marker were being read, and the
    /// end if it came meanwhile.
    private func releaseHeld() {
        let held = self.held ?? []
        self.held = nil
        for bytes in held {
            self.deliver(bytes)
        }
        if self.hasEnded {
            self.ended()
        }
    }

    /// Ends the session once, after every byte received before the end.
    private func end() {
        guard !self.hasEnded else { return }
        self.hasEnded = true
        if self.held == nil {
            self.ended()
        }
    }
}
