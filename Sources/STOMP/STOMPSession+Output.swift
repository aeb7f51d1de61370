import NIOCore

extension STOMPSession {
    /// Encodes a frame with the session's version as a write action.
    func write(_ frame: STOMPFrame) -> Action {
        var buffer = ByteBuffer()
        frame.encode(version: self.version, into: &buffer)
        return .write(buffer)
    }

    /// The RECEIPT frames for receipts that are due, in order.
    func receiptFrames(_ receipts: [String]) -> [Action] {
        receipts.map { self.write(STOMPFrame(.receipt, headers: ["receipt-id": $0])) }
    }
}
