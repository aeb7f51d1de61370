extension STOMPFrame {
    /// Builds the ERROR frame that answers a session error.
    ///
    /// A protocol violation is answered as `error(_:receiptID:)` for a `STOMPProtocolError`
    /// answers it (with a `version` header for an unsupported version).
    ///
    /// ```swift
    /// let reply = STOMPFrame.error(.unknownTransaction("tx-1"), receiptID: "7")
    /// ```
    ///
    /// - Parameters:
    ///   - error: The session error.
    ///   - receiptID: The offending frame's `receipt` header, if it had one.
    /// - Returns: The ERROR frame; the encoder adds its `content-length`.
    public static func error(_ error: STOMPSessionError, receiptID: String? = nil) -> STOMPFrame {
        if case .protocolViolation(let violation) = error {
            return Self.error(violation, receiptID: receiptID)
        }
        return Self.error(message: error.message, detail: error.detail, receiptID: receiptID)
    }
}
