extension BrokerEvent {
    /// What an event records, sent in the `MESSAGE` frame's `op` header.
    ///
    /// ```swift
    /// BrokerEvent.Operation(rawValue: "UPDATE") // .update
    /// ```
    public enum Operation: String, Sendable, Hashable, CaseIterable {
        /// A row was inserted; the body is the new row.
        case insert = "INSERT"
        /// A row was updated; the body is the new row.
        case update = "UPDATE"
        /// A row was deleted; the body is the old row.
        case delete = "DELETE"
        /// An application event, published by SQL or by a `SEND` frame.
        case event = "EVENT"
    }
}
