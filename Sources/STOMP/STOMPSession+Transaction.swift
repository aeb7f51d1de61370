extension STOMPSession {
    /// A committed client transaction: the `SEND`s to store atomically.
    ///
    /// Its `ACK`s and `NACK`s are not part of it: the session applies them itself once the
    /// commit completes and returns them as ``Action/ack(_:)`` and ``Action/nack(_:)``.
    ///
    /// ```swift
    /// case .commit(let transaction, let operation):
    ///     try await log.append(transaction.publications)
    /// ```
    public struct Transaction: Sendable, Equatable {
        /// The transaction id the client chose.
        public var id: String
        /// The queued `SEND`s, in frame order.
        public var publications: [Publication]

        /// Creates a transaction.
        ///
        /// - Parameters:
        ///   - id: The transaction id.
        ///   - publications: The queued `SEND`s, in frame order.
        public init(id: String, publications: [Publication]) {
            self.id = id
            self.publications = publications
        }
    }
}
