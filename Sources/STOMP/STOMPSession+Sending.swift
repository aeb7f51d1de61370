extension STOMPSession {
    /// Handles `SEND`: queues it in its transaction, or asks the owner to publish it.
    mutating func send(_ frame: STOMPFrame) throws(STOMPSessionError) -> FrameEffect {
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
