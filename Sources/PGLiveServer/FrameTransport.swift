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
    /// A promise for a transport's write whose outcome goes to a
    /// ``FrameTransport/send(_:completion:)`` completion: `nil` once written, else the error.
    /// Made on the event loop, the completion is registered without a hop of its own.
    func makeWritePromise(reporting completion: @escaping @Sendable ((any Error)?) -> Void) -> EventLoopPromise<Void> {
        let promise = self.makePromise(of: Void.self)
        promise.futureResult.whenComplete { result in
            if case .failure(let error) = result {
                completion(error)
            } else {
                completion(nil)
            }
        }
        return promise
    }
}
