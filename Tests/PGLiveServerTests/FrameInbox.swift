import NIOCore
import STOMP
import Synchronization

/// The frames a test client received, parsed with the project's own `STOMPParser`.
final class FrameInbox: Sendable {
    private struct State {
        var parser = STOMPParser(version: .v1_2)
        var frames: [STOMPFrame] = []
        var received = 0
        var isClosed = false
    }

    private let state = Mutex(State())

    /// Parses received bytes; heart-beats are skipped.
    func append(_ bytes: ByteBuffer) {
        state.withLock { state in
            state.parser.append(bytes)
            while let event = try? state.parser.next() {
                if case .frame(let frame) = event {
                    state.frames.append(frame)
                    state.received += 1
                }
            }
        }
    }

    /// Records that the server closed the connection.
    func close() {
        state.withLock { $0.isClosed = true }
    }

    /// How many frames arrived so far, taken or not.
    var receivedCount: Int { state.withLock { $0.received } }

    /// Whether the connection is closed.
    var isClosed: Bool { state.withLock { $0.isClosed } }

    /// Removes and returns the first frame that matches, if any arrived.
    func take(where matches: (STOMPFrame) -> Bool) -> STOMPFrame? {
        state.withLock { state in
            guard let index = state.frames.firstIndex(where: matches) else { return nil }
            return state.frames.remove(at: index)
        }
    }

    /// Removes and returns every frame received so far, oldest first.
    func takeAll() -> [STOMPFrame] {
        state.withLock { state in
            defer { state.frames.removeAll(keepingCapacity: true) }
            return state.frames
        }
    }

    /// The frames received and not taken.
    var frames: [STOMPFrame] { state.withLock { $0.frames } }
}

/// Feeds a client channel's bytes to a ``FrameInbox``.
final class FrameCollector: ChannelInboundHandler, Sendable {
    typealias InboundIn = ByteBuffer

    let inbox: FrameInbox

    init(_ inbox: FrameInbox) {
        self.inbox = inbox
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        inbox.append(unwrapInboundIn(data))
    }

    func channelInactive(context: ChannelHandlerContext) {
        inbox.close()
        context.fireChannelInactive()
    }
}
