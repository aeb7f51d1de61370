extension STOMPSession {
    /// How a client frame takes effect, which decides when its receipt is due.
    enum FrameEffect: Sendable {
        /// It took effect; these actions follow from it.
        case immediate([Action])
        /// It takes effect when the owner completes this operation, started by this action.
        case deferred(OperationID, Action)
    }
}
