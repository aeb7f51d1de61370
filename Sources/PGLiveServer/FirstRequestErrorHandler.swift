import NIOCore
import NIOHTTP1

/// Answers a connection whose first request head the decoder refused (over the request-head
/// limits, or not HTTP) with a 400, and closes it.
///
/// Until the upgrade decision nothing else would: the error reaches neither the upgrade
/// handler, which waits for a whole request head, nor Hummingbird, which answers parse
/// errors the same way once its handlers join the pipeline after the decision. So this
/// handler is removed when the decision is made. It passes everything else on untouched.
final class FirstRequestErrorHandler: ChannelInboundHandler, RemovableChannelHandler, Sendable {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        guard error is HTTPParserError else {
            context.fireErrorCaught(error)
            return
        }
        let head = HTTPResponseHead(
            version: .http1_1, status: .badRequest, headers: HTTPHeaders([("Connection", "close"), ("Content-Length", "0")]))
        let channel = context.channel
        context.write(Self.wrapOutboundOut(.head(head)), promise: nil)
        context.writeAndFlush(Self.wrapOutboundOut(.end(nil))).whenComplete { _ in
            channel.close(promise: nil)
        }
    }
}
