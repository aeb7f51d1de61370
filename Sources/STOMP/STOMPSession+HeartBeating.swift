import NIOCore

extension STOMPSession {
    /// Checks the connect deadline, heart-beats and the credentials' expiry at a point in time.
    ///
    /// A connection not `CONNECTED` by ``Configuration/connectTimeout`` after it opened gets
    /// `ERROR` (`connect timeout`) and is closed after flushing it, so sockets that never
    /// speak STOMP do not hold a session slot.
    ///
    /// Once the credentials expired, the session sends `ERROR` (`token expired`) and closes
    /// after flushing it. When the client should send heart-beats and nothing arrived for
    /// ``Configuration/heartBeatTimeoutFactor`` times the negotiated interval, the session
    /// sends `ERROR` (`heart-beat timeout`) and closes without flushing first: the client is
    /// presumed dead. Otherwise, when nothing was written for the server-to-client interval,
    /// it writes a heart-beat EOL.
    ///
    /// ```swift
    /// perform(session.tick(now: .now()))
    /// if let deadline = session.nextTick { scheduleTick(at: deadline) }
    /// ```
    ///
    /// - Parameters:
    ///   - now: The current time.
    /// - Returns: The actions to perform; before `CONNECTED` only the connect deadline's,
    ///   after a close nothing.
    public mutating func tick(now: NIODeadline) -> [Action] {
        if self.state == .awaitingConnect || self.state == .authenticating, let deadline = self.connectDeadline, now >= deadline {
            let milliseconds = (self.configuration.connectTimeout?.nanoseconds ?? 0) / 1_000_000
            return self.fail(.connectTimeout(milliseconds: milliseconds), receipt: nil)
        }
        guard self.state == .connected || self.state == .disconnecting else {
            return []
        }
        if let expiry = self.credentialsExpiry, now >= expiry {
            return self.fail(.credentialsExpired, receipt: nil)
        }
        if let deadline = self.silenceDeadline, now >= deadline {
            return self.fail(.heartBeatTimeout(milliseconds: self.tolerableSilence), receipt: nil, flushFirst: false)
        }
        if let deadline = self.heartBeatDeadline, now >= deadline {
            self.lastWritten = now
            return [.write(ByteBuffer(string: "\n"))]
        }
        return []
    }

    /// Tells the session that bytes went to the client, so heart-beats are only written
    /// when the connection is otherwise quiet.
    ///
    /// Call it for every write: the session's own ``Action/write(_:)`` and the broker's
    /// `MESSAGE` frames. Writes may be reported late and out of order: a time before the
    /// last one reported changes nothing.
    ///
    /// ```swift
    /// channel.writeAndFlush(bytes).whenSuccess { session.didWrite(now: .now()) }
    /// ```
    ///
    /// - Parameters:
    ///   - now: When the bytes were written.
    public mutating func didWrite(now: NIODeadline) {
        self.lastWritten = max(self.lastWritten, now)
    }

    /// The earliest time at which ``tick(now:)`` has something to do, or `nil` when nothing
    /// is due (closed; connected with neither heart-beats nor expiring credentials; waiting
    /// for `CONNECT` without a connect timeout).
    ///
    /// It moves later as bytes come and go, and earlier once: when the session connects, the
    /// connect deadline gives way to the first heart-beat or silence deadline. A timer set
    /// for an earlier value that fires finds nothing to do and is set again; a timer set for
    /// a later value must be moved.
    ///
    /// ```swift
    /// if let deadline = session.nextTick { timer = loop.scheduleTask(deadline: deadline, tick) }
    /// ```
    public var nextTick: NIODeadline? {
        if self.state == .awaitingConnect || self.state == .authenticating {
            return self.connectDeadline
        }
        guard self.state == .connected || self.state == .disconnecting else {
            return nil
        }
        return [self.credentialsExpiry, self.silenceDeadline, self.heartBeatDeadline].compactMap { $0 }.min()
    }

    /// When the client counts as dead unless bytes arrive; `nil` without client heart-beats.
    private var silenceDeadline: NIODeadline? {
        guard self.heartBeat.clientToServer > 0 else {
            return nil
        }
        return self.lastReceived + .milliseconds(Int64(self.tolerableSilence))
    }

    /// The client-to-server interval times the timeout factor, in milliseconds, saturating:
    /// the interval comes from the client's `heart-beat` header and may be as large as
    /// `Int.max`.
    private var tolerableSilence: Int {
        let (product, overflow) = self.heartBeat.clientToServer.multipliedReportingOverflow(
            by: self.configuration.heartBeatTimeoutFactor
        )
        return overflow ? .max : product
    }

    /// When a heart-beat is due unless bytes are written; `nil` without server heart-beats.
    private var heartBeatDeadline: NIODeadline? {
        let interval = self.heartBeat.serverToClient
        guard interval > 0 else {
            return nil
        }
        return self.lastWritten + .milliseconds(Int64(interval))
    }
}
