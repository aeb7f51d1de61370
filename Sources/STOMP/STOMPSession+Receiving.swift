import NIOCore

extension STOMPSession {
    /// Takes bytes received from the client and returns what the frames they complete ask for.
    ///
    /// Any number of frames, a partial frame or heart-beats may arrive in one call. Every
    /// received byte counts as a sign of life for heart-beating. While authentication is
    /// pending, frames after `CONNECT` wait in the parser, up to
    /// ``STOMPLimits/maxBufferedByteCount`` bytes (more fail the session with
    /// ``STOMPSessionLimit/inputDuringAuthentication``); after `DISCONNECT` or a close,
    /// bytes are ignored. A protocol error answers with one `ERROR` frame and
    /// ``Action/close(_:flushFirst:)``, after the actions of the frames before it.
    ///
    /// ```swift
    /// perform(session.receive(message.data, now: .now()))
    /// ```
    ///
    /// - Parameters:
    ///   - bytes: The received chunk: a WebSocket message or a TCP read.
    ///   - now: When it arrived.
    /// - Returns: The actions to perform, in order.
    public mutating func receive(_ bytes: ByteBuffer, now: NIODeadline) -> [Action] {
        switch self.state {
        case .awaitingConnect, .connected:
            self.lastReceived = now
            self.parser.append(bytes)
            let actions = self.readFrames()
            return actions + self.limitInputDuringAuthentication()
        case .authenticating:
            self.lastReceived = now
            self.parser.append(bytes)
            return self.limitInputDuringAuthentication()
        case .disconnecting:
            self.lastReceived = now
            return []
        case .closed:
            return []
        }
    }

    /// Handles the parsed frames until the parser needs more bytes or the state stops reading.
    mutating func readFrames() -> [Action] {
        var actions: [Action] = []
        while self.state == .awaitingConnect || self.state == .connected {
            let event: STOMPParseEvent?
            do {
                event = try self.parser.next()
            } catch {
                return actions + self.fail(.protocolViolation(error), receipt: self.parser.failedFrameReceipt)
            }
            switch event {
            case nil:
                return actions
            case .heartbeat:
                continue
            case .frame(let frame):
                self.framesReceived.add(frame.command)
                do {
                    actions += try self.handle(frame)
                } catch {
                    actions += self.fail(error, receipt: frame.headers["receipt"])
                }
            }
        }
        return actions
    }

    /// Fails the session when the bytes waiting in the parser for authentication to finish
    /// are more than the parser holds for one frame; otherwise a client could pile up any
    /// amount while the owner authenticates.
    private mutating func limitInputDuringAuthentication() -> [Action] {
        let maximum = self.configuration.limits.maxBufferedByteCount
        guard self.state == .authenticating, self.parser.bufferedByteCount > maximum else {
            return []
        }
        return self.fail(.limitExceeded(.inputDuringAuthentication, maximum: maximum), receipt: nil)
    }

    /// Checks a frame against the state, applies it and settles its receipt.
    private mutating func handle(_ frame: STOMPFrame) throws(STOMPSessionError) -> [Action] {
        guard self.state == .connected || frame.command.isHandshake else {
            throw .notConnected(frame.command)
        }
        let effect: FrameEffect
        switch frame.command {
        case .connect, .stomp: return try self.connect(frame)
        case .connected, .message, .receipt, .error: throw .unexpectedCommand(frame.command)
        case .send: effect = try self.send(frame)
        case .subscribe: effect = try self.subscribe(frame)
        case .unsubscribe: effect = try self.unsubscribe(frame)
        case .ack, .nack: effect = try self.acknowledge(frame)
        case .begin: effect = try self.begin(frame)
        case .commit: effect = try self.commit(frame)
        case .abort: effect = try self.abort(frame)
        case .disconnect: effect = self.disconnect()
        }
        switch effect {
        case .immediate(let actions):
            return actions + self.receiptFrames(self.receipts.append(tookEffect: frame.headers["receipt"]))
                + self.finishDisconnecting()
        case .deferred(let operation, let action):
            self.receipts.append(pending: operation, receipt: frame.headers["receipt"])
            return [action]
        }
    }
}
