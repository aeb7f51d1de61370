import NIOCore

/// The byte transport under one STOMP connection: TCP or WebSocket. The connection
/// driver does everything else, the same way for both.
protocol FrameTransport: Sendable {
    /// The transport's value of the sessions' `transport` metrics label.
    static var name: String { get }

    /// The connection's event loop.
    var eventLoop: any EventLoop { get }

    /// Writes frames in order, flushing once at the end, from any thread; `completion`
    /// runs once they are written (`nil`) or the write failed.
    ///
    /// - Parameters:
    ///   - frames: Whole frames.
    ///   - completion: Told the outcome, on the connection's event loop.
    func send(_ frames: [OutboundFrame], completion: @escaping @Sendable ((any Error)?) -> Void)

    /// Closes the connection after what was written, politely (a WebSocket close
    /// handshake).
    func close() async

    /// Closes the socket at once, whatever state the polite close is in.
    func abort() async
}

extension FrameTransport {
    /// Writes frames in order, flushing once at the end, and waits until they are written.
    ///
    /// - Parameters:
    ///   - frames: Whole frames.
    func write(_ frames: [OutboundFrame]) async throws {
        guard !frames.isEmpty else { return }
        try await withCheckedThrowingContinuation { (written: CheckedContinuation<Void, any Error>) in
            self.send(frames) { error in
                if let error {
                    written.resume(throwing: error)
                } else {
                    written.resume()
                }
            }
        }
    }
}

extension EventLoop {
    /// Runs a transport's write on the event loop with a promise whose outcome goes to a
    /// ``FrameTransport/send(_:completion:)`` completion: `nil` once written, else the error.
    ///
    /// The promise is made on the event loop: registering the completion from elsewhere is
    /// a hop of its own, a second one per write.
    ///
    /// - Parameters:
    ///   - completion: Told the outcome.
    ///   - write: Writes, on the event loop, completing the promise it is given.
    func executeWrite(
        reporting completion: @escaping @Sendable ((any Error)?) -> Void,
        _ write: @escaping @Sendable (EventLoopPromise<Void>) -> Void
    ) {
        self.execute {
            let promise = self.makePromise(of: Void.self)
            promise.futureResult.whenComplete { result in
                if case .failure(let error) = result {
                    completion(error)
                } else {
                    completion(nil)
                }
            }
            write(promise)
        }
    }
}
