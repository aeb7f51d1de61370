extension STOMPSession {
    /// Handles `BEGIN`: opens a transaction.
    mutating func begin(_ frame: STOMPFrame) throws(STOMPSessionError) -> FrameEffect {
        let id = try frame.requiredHeader("transaction")
        guard self.transactions[id] == nil else {
            throw .duplicateTransaction(id)
        }
        guard self.transactions.count < self.configuration.maxOpenTransactions else {
            throw .limitExceeded(.openTransactions, maximum: self.configuration.maxOpenTransactions)
        }
        self.transactions[id] = OpenTransaction()
        return .immediate([])
    }

    /// Handles `COMMIT`: asks the owner to store the queued `SEND`s; the queued `ACK`s and
    /// `NACK`s take effect once it completes.
    mutating func commit(_ frame: STOMPFrame) throws(STOMPSessionError) -> FrameEffect {
        let id = try frame.requiredHeader("transaction")
        guard let transaction = self.transactions.removeValue(forKey: id) else {
            throw .unknownTransaction(id)
        }
        let operation = self.makeOperationID()
        self.committingAcknowledgements[operation] = transaction.acknowledgements
        return .deferred(operation, .commit(Transaction(id: id, publications: transaction.publications), operation))
    }

    /// Handles `ABORT`: forgets the transaction and what it queued.
    mutating func abort(_ frame: STOMPFrame) throws(STOMPSessionError) -> FrameEffect {
        let id = try frame.requiredHeader("transaction")
        guard self.transactions.removeValue(forKey: id) != nil else {
            throw .unknownTransaction(id)
        }
        return .immediate([])
    }

    /// Queues a `SEND`, `ACK` or `NACK` in an open transaction, within the frame count
    /// per transaction and the body bytes all open transactions hold.
    mutating func queue(_ frame: OpenTransaction.QueuedFrame, in id: String) throws(STOMPSessionError) {
        guard var transaction = self.transactions[id] else {
            throw .unknownTransaction(id)
        }
        guard transaction.frames.count < self.configuration.maxTransactionFrames else {
            throw .limitExceeded(.transactionFrames, maximum: self.configuration.maxTransactionFrames)
        }
        if case .publication(let publication) = frame {
            let held = self.transactions.values.reduce(0) { $0 + $1.bodyBytes }
            guard held + publication.body.readableBytes <= self.configuration.maxTransactionBytes else {
                throw .limitExceeded(.transactionBytes, maximum: self.configuration.maxTransactionBytes)
            }
            transaction.bodyBytes += publication.body.readableBytes
        }
        transaction.frames.append(frame)
        self.transactions[id] = transaction
    }
}
