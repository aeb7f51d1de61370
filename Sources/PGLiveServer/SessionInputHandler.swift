import NIOCore

/// The last handler of a STOMP connection's pipeline: posts the client's bytes to the
/// connection's mailbox on the event loop, and the end of the client's input (its half of
/// the connection closed, or the channel closed); the mailbox drops what comes after the
/// connection closed, so the end may be posted twice.
///
/// While the connection holds its ``InboundCredit``'s budget of unhandled bytes, the
/// channel stops reading (`autoRead` off) until it has handled enough: TCP then pushes
/// back on the client.
final class SessionInputHandler<Message>: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = Message

    /// Where the connection's events go.
    private let mailbox: ConnectionMailbox
    /// The connection's unhandled bytes.
    private let credit: InboundCredit
    /// A message's STOMP bytes: a TCP chunk as it is, a WebSocket message's payload.
    private let bytes: (Message) -> ByteBuffer

    /// Creates the input of a new connection.
    ///
    /// - Parameters:
    ///   - mailbox: Where the connection's events go.
    ///   - credit: The connection's unhandled bytes.
    ///   - bytes: A message's STOMP bytes.
    init(mailbox: ConnectionMailbox, credit: InboundCredit, bytes: @escaping (Message) -> ByteBuffer) {
        self.mailbox = mailbox
        self.credit = credit
        self.bytes = bytes
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let bytes = self.bytes(self.unwrapInboundIn(data))
        let hasRoom = self.credit.take(bytes.readableBytes)
        self.mailbox.yield(.received(bytes))
        guard !hasRoom else {
            return
        }
        // On the event loop, the option takes effect before this returns.
        let channel = context.channel
        channel.setOption(ChannelOptions.autoRead, value: false).whenFailure { _ in channel.close(promise: nil) }
        self.credit.whenRoom {
            channel.setOption(ChannelOptions.autoRead, value: true).whenFailure { _ in channel.close(promise: nil) }
        }
    }

    func handlerAdded(context: ChannelHandlerContext) {
        // The channel's end, also when it came before this handler joined (a client gone
        // during the WebSocket upgrade), which channelInactive would not tell.
        let mailbox = self.mailbox
        context.channel.closeFuture.whenComplete { _ in
            mailbox.yield(.peerClosed)
        }
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        // The client closed its side; the HTTP server's channels allow half-closure, so the
        // channel stays open until the session closes it.
        if case .inputClosed? = event as? ChannelEvent {
            self.mailbox.yield(.peerClosed)
        }
        context.fireUserInboundEventTriggered(event)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        // Reading failed (a reset, a TLS error): the connection ends with the channel.
        context.close(promise: nil)
    }
}
