import NIOCore

/// Closes a connection whose first request head (up to its blank line) has not arrived
/// within a timeout, or when the server starts to shut down before it has; leaves the
/// pipeline once the head is in.
///
/// Hummingbird's idle timeout starts only once a request head is parsed, so a client that
/// opens sockets and trickles a few header bytes (slowloris) would hold them forever.
/// After the first head the idle timeout (or, on `/stomp`, the STOMP connect timeout)
/// takes over.
///
/// Before its first head a connection waits for the WebSocket upgrade decision, which
/// neither Hummingbird's graceful shutdown nor task cancellation ends: a socket a browser
/// opened ahead of need and never used kept `pglive serve` running after SIGTERM until
/// this handler's timeout (60 s by default), past the shutdown timeout.
final class RequestHeadDeadlineHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer

    /// How long the first head may take.
    private let timeout: TimeAmount
    /// The pending close.
    private var deadline: Scheduled<Void>?
    /// How many bytes of `\r\n\r\n` the input ended with so far.
    private var matched = 0

    /// The end of a request head.
    private static let blankLine: [UInt8] = Array("\r\n\r\n".utf8)

    /// Creates a handler.
    ///
    /// - Parameters:
    ///   - timeout: How long the first request head may take.
    init(timeout: TimeAmount) {
        self.timeout = timeout
    }

    func handlerAdded(context: ChannelHandlerContext) {
        let channel = context.channel
        self.deadline = context.eventLoop.scheduleTask(in: self.timeout) {
            channel.close(promise: nil)
        }
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        self.deadline?.cancel()
        self.deadline = nil
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var complete = false
        for byte in self.unwrapInboundIn(data).readableBytesView where !complete {
            // On a mismatch a `\r` may still start the blank line.
            self.matched = byte == Self.blankLine[self.matched] ? self.matched + 1 : (byte == UInt8(ascii: "\r") ? 1 : 0)
            complete = self.matched == Self.blankLine.count
        }
        context.fireChannelRead(data)
        if complete {
            context.pipeline.syncOperations.removeHandler(context: context, promise: nil)
        }
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        // The server is shutting down (Hummingbird's quiescing) and no request has begun:
        // nothing is lost by closing, and nothing else would.
        if event is ChannelShouldQuiesceEvent {
            context.close(promise: nil)
            return
        }
        context.fireUserInboundEventTriggered(event)
    }
}
