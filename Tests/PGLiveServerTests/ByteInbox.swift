import NIOCore
import Synchronization

/// Raw bytes a test client received, and whether the server closed the connection.
final class ByteInbox: ChannelInboundHandler, Sendable {
    typealias InboundIn = ByteBuffer

    private let state = Mutex((bytes: ByteBuffer(), isClosed: false))

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var incoming = unwrapInboundIn(data)
        state.withLock { state in _ = state.bytes.writeBuffer(&incoming) }
    }

    func channelInactive(context: ChannelHandlerContext) {
        state.withLock { $0.isClosed = true }
        context.fireChannelInactive()
    }

    /// Everything received and not consumed, as text.
    var text: String { state.withLock { String(buffer: $0.bytes) } }

    /// Whether the connection is closed.
    var isClosed: Bool { state.withLock { $0.isClosed } }

    /// Takes bytes from the front when `take` finds a whole unit in them.
    func consume<T>(_ take: (inout ByteBuffer) -> T?) -> T? {
        state.withLock { state in
            var copy = state.bytes
            guard let value = take(&copy) else { return nil }
            state.bytes = copy
            state.bytes.discardReadBytes()
            return value
        }
    }
}
