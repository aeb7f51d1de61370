import NIOCore

extension STOMPFrame {
    /// Builds an ERROR frame: a short `message` header, `receipt-id` when the offending frame
    /// asked for a receipt, and the detail as a `text/plain` body.
    ///
    /// ```swift
    /// let error = STOMPFrame.error(message: "access denied", detail: "No SEND on /topic/orders.", receiptID: "7")
    /// ```
    ///
    /// - Parameters:
    ///   - message: One line for the `message` header.
    ///   - detail: The explanation, sent as the body.
    ///   - receiptID: The offending frame's `receipt` header, if it had one.
    /// - Returns: The ERROR frame; the encoder adds its `content-length`.
    public static func error(message: String, detail: String, receiptID: String? = nil) -> STOMPFrame {
        var headers: STOMPHeaders = ["message": message]
        if let receiptID {
            headers.add(name: "receipt-id", value: receiptID)
        }
        headers.add(name: "content-type", value: "text/plain")
        return STOMPFrame(.error, headers: headers, body: ByteBuffer(string: detail))
    }

    /// Builds the ERROR frame that answers a protocol error.
    ///
    /// An ``STOMPProtocolError/unsupportedVersion(offered:supported:)`` error also carries a
    /// `version` header listing the supported versions, e.g. `version:1.0,1.1,1.2`.
    ///
    /// ```swift
    /// let reply = STOMPFrame.error(error, receiptID: parser.failedFrameReceipt)
    /// ```
    ///
    /// - Parameters:
    ///   - error: The protocol error.
    ///   - receiptID: The offending frame's `receipt` header, if it had one.
    /// - Returns: The ERROR frame; the encoder adds its `content-length`.
    public static func error(_ error: STOMPProtocolError, receiptID: String? = nil) -> STOMPFrame {
        var frame = Self.error(message: error.message, detail: error.detail, receiptID: receiptID)
        if case .unsupportedVersion(_, let supported) = error {
            frame.headers.add(name: "version", value: supported.headerValue)
        }
        return frame
    }
}
