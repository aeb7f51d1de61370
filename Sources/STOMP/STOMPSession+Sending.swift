extension STOMPSession {
    /// Handles `SEND`: queues it in its transaction, or asks the owner to publish it. Each
    /// `SEND` takes a token of the rate limit when it arrives, in a transaction or not.
    mutating func send(_ frame: STOMPFrame) throws(STOMPSessionError) -> FrameEffect {
        if let limit = self.configuration.sendRate, self.sendAllowance?.take(now: self.lastReceived) == false {
            throw .sendRateExceeded(limit)
        }
        let publication = Publication(
            destination: try frame.requiredHeader("destination"),
            headers: frame.headers,
            body: frame.body
        )
        if let transaction = frame.headers["transaction"] {
            try self.queue(.publication(publication), in: transaction)
            return .immediate([])
        }
        let operation = self.makeOperationID()
        return .deferred(operation, .publish(publication, operation))
    }
}
