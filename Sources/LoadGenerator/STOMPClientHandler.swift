import NIOCore
import NIOWebSocket
import STOMP

/// The STOMP end of one benchmark connection: parses what the broker sends over WebSocket,
/// answers the handshake and receipts, and writes masked frames.
///
/// Confined to its channel's event loop. Frames from the broker are fed to a
/// ``STOMPParser`` as a byte stream, so several frames per WebSocket message and frames
/// split over messages both work; heart-beats are parsed and ignored (the client asks for
/// none with `heart-beat:0,0`).
final class STOMPClientHandler: ChannelInboundHandler {
    typealias InboundIn = WebSocketFrame
    typealias OutboundOut = WebSocketFrame

    /// The key under which the CONNECT request waits for CONNECTED.
    static let connectedKey = "CONNECTED"

    /// Counts MESSAGE frames; `nil` on the publisher's connection.
    let tally: SubscriberTally?
    private var parser = STOMPParser()
    private var context: ChannelHandlerContext?
    /// Requests waiting for CONNECTED (``connectedKey``) or a RECEIPT (its receipt id).
    private var waiting: [String: EventLoopPromise<Void>] = [:]
    /// The first failure of the connection, if any.
    private(set) var failure: LoadGeneratorError?
    private var isClosing = false

    /// Creates a handler.
    ///
    /// - Parameters:
    ///   - tally: Where MESSAGE frames are counted, or `nil` for a publisher.
    init(tally: SubscriberTally?) {
        self.tally = tally
    }

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        self.context = nil
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let frame = self.unwrapInboundIn(data)
        switch frame.opcode {
        case .text, .binary, .continuation:
            self.parse(frame.unmaskedData)
        case .ping:
            self.write(opcode: .pong, data: frame.unmaskedData)
            context.flush()
        case .connectionClose:
            self.fail(.connectionClosed)
            context.close(promise: nil)
        default:
            break
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        self.fail(.connectionClosed)
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        self.fail(.protocolError(String(describing: error)))
        context.close(promise: nil)
    }

    /// Sends a frame and waits for its answer.
    ///
    /// - Parameters:
    ///   - frame: A CONNECT frame, or any frame with a `receipt` header.
    ///   - key: ``connectedKey`` for CONNECT, else the frame's receipt id.
    ///   - timeout: How long to wait before failing with ``LoadGeneratorError/timedOut(step:)``.
    /// - Returns: A future that succeeds when the answer arrives.
    func request(_ frame: STOMPFrame, awaiting key: String, timeout: TimeAmount) -> EventLoopFuture<Void> {
        guard let context = self.context else {
            preconditionFailure("request before the handler joined the pipeline")
        }
        let promise = context.eventLoop.makePromise(of: Void.self)
        if let failure = self.failure {
            promise.fail(failure)
            return promise.futureResult
        }
        self.waiting[key] = promise
        let step = key == Self.connectedKey ? "CONNECTED" : "RECEIPT \(key)"
        let timer = context.eventLoop.assumeIsolated().scheduleTask(in: timeout) {
            self.waiting.removeValue(forKey: key)?.fail(LoadGeneratorError.timedOut(step: step))
        }
        promise.futureResult.whenComplete { _ in timer.cancel() }
        self.send(frame)
        context.flush()
        return promise.futureResult
    }

    /// Writes a frame as one masked text WebSocket message, without flushing.
    ///
    /// - Parameters:
    ///   - frame: The frame, encoded as STOMP 1.2.
    func send(_ frame: STOMPFrame) {
        guard let context = self.context else {
            return
        }
        var buffer = context.channel.allocator.buffer(capacity: 256)
        frame.encode(version: .v1_2, into: &buffer)
        self.write(opcode: .text, data: buffer)
    }

    /// Flushes the frames written so far.
    func flush() {
        self.context?.flush()
    }

    /// Closes the connection on purpose: a close now is not a failure.
    func close() {
        self.isClosing = true
        self.context?.close(promise: nil)
    }

    private func write(opcode: WebSocketOpcode, data: ByteBuffer) {
        let frame = WebSocketFrame(fin: true, opcode: opcode, maskKey: .random(), data: data)
        self.context?.write(self.wrapOutboundOut(frame), promise: nil)
    }

    private func parse(_ bytes: ByteBuffer) {
        self.parser.append(bytes)
        do {
            while let event = try self.parser.next() {
                if case .frame(let frame) = event {
                    self.handle(frame)
                }
            }
        } catch {
            self.fail(.protocolError(error.description))
            self.context?.close(promise: nil)
        }
    }

    private func handle(_ frame: STOMPFrame) {
        switch frame.command {
        case .message:
            self.tally?.record(body: frame.body, at: NIODeadline.now().uptimeNanoseconds)
        case .connected:
            self.parser.version = .v1_2
            self.waiting.removeValue(forKey: Self.connectedKey)?.succeed()
        case .receipt:
            if let id = frame.headers["receipt-id"] {
                self.waiting.removeValue(forKey: id)?.succeed()
            }
        case .error:
            let detail = [frame.headers["message"], String(buffer: frame.body)].compactMap { $0 }
            self.fail(.brokerError(message: detail.filter { !$0.isEmpty }.joined(separator: ": ")))
            self.context?.close(promise: nil)
        default:
            break
        }
    }

    /// Records the first failure, unless the close was asked for, and fails every request.
    private func fail(_ error: LoadGeneratorError) {
        guard !self.isClosing, self.failure == nil else {
            return
        }
        self.failure = error
        self.tally?.recordLostConnection()
        let waiting = self.waiting
        self.waiting = [:]
        waiting.values.forEach { $0.fail(error) }
    }
}
