extension STOMPSession {
    /// Sends the ERROR frame for `error` and closes; nothing follows.
    ///
    /// - Parameters:
    ///   - error: What went wrong.
    ///   - receipt: The offending frame's `receipt` header, for the ERROR's `receipt-id`.
    ///   - flushFirst: Whether the owner flushes the ERROR before closing.
    mutating func fail(_ error: STOMPSessionError, receipt: String?, flushFirst: Bool = true) -> [Action] {
        let frame = self.write(.error(error, receiptID: receipt))
        self.end()
        return [frame, .close(.error(error), flushFirst: flushFirst)]
    }

    /// Closes after `DISCONNECT` once every earlier frame took effect and its receipts went out.
    mutating func finishDisconnecting() -> [Action] {
        guard self.state == .disconnecting, self.receipts.isEmpty else {
            return []
        }
        self.end()
        return [.close(.disconnected, flushFirst: true)]
    }

    /// Handles `DISCONNECT`: drops open transactions and ignores later frames.
    mutating func disconnect() -> FrameEffect {
        self.transactions = [:]
        self.state = .disconnecting
        return .immediate([])
    }

    /// Closes the session for good and releases what it holds.
    mutating func end() {
        self.state = .closed
        self.parser = STOMPParser(version: self.parser.version, limits: self.configuration.limits)
        self.subscriptions = [:]
        self.unacked = UnackedMessages()
        self.transactions = [:]
        self.receipts = ReceiptQueue()
        self.committingAcknowledgements = [:]
    }
}
