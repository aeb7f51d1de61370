extension STOMPSession {
    /// Tells the session that an operation it asked for took effect.
    ///
    /// A committed transaction's `ACK`s and `NACK`s take effect now. The receipts that are
    /// due follow, in frame order: this frame's, and those of later frames that only waited
    /// for it. After `DISCONNECT`, the last completion also closes the connection.
    ///
    /// ```swift
    /// case .subscribe(let subscription, let operation):
    ///     broker.add(subscription)
    ///     perform(session.completed(operation))
    /// ```
    ///
    /// - Parameters:
    ///   - operation: The id from ``Action/subscribe(_:_:)``, ``Action/publish(_:_:)`` or
    ///     ``Action/commit(_:_:)``.
    /// - Returns: The actions to perform; nothing when the operation is not pending, as
    ///   after a close.
    public mutating func completed(_ operation: OperationID) -> [Action] {
        guard let receipts = self.receipts.complete(operation) else {
            return []
        }
        var actions: [Action] = []
        for request in self.committingAcknowledgements.removeValue(forKey: operation) ?? [] {
            actions += self.settle(request)
        }
        return actions + self.receiptFrames(receipts) + self.finishDisconnecting()
    }

    /// Tells the session that an operation it asked for failed: it sends `ERROR`, with the
    /// failed frame's receipt as `receipt-id`, and closes.
    ///
    /// ```swift
    /// perform(session.failed(operation, message: "SEND refused", detail: "orders is a table topic."))
    /// ```
    ///
    /// - Parameters:
    ///   - operation: The id from the action that failed.
    ///   - message: The ERROR frame's short `message` header.
    ///   - detail: The ERROR frame's body.
    /// - Returns: The actions to perform; nothing when the operation is not pending.
    public mutating func failed(_ operation: OperationID, message: String, detail: String) -> [Action] {
        guard let entry = self.receipts.entry(for: operation) else {
            return []
        }
        return self.fail(.reported(message: message, detail: detail), receipt: entry.receipt)
    }

    /// Ends the session on the owner's initiative (shutdown, slow consumer): it sends
    /// `ERROR` and closes.
    ///
    /// ```swift
    /// perform(session.terminate(message: "server shutting down", detail: "Reconnect to another process."))
    /// ```
    ///
    /// - Parameters:
    ///   - message: The ERROR frame's short `message` header.
    ///   - detail: The ERROR frame's body.
    /// - Returns: The actions to perform; nothing when the session is already closed.
    public mutating func terminate(message: String, detail: String) -> [Action] {
        guard self.state != .closed else {
            return []
        }
        return self.fail(.reported(message: message, detail: detail), receipt: nil)
    }

    /// Tells the session that the connection is gone, whoever closed it.
    ///
    /// Open transactions are dropped and every later event is ignored. The owner removes
    /// the session's subscriptions from the broker.
    ///
    /// ```swift
    /// func channelInactive(context: ChannelHandlerContext) { session.connectionClosed() }
    /// ```
    public mutating func connectionClosed() {
        self.end()
    }
}
