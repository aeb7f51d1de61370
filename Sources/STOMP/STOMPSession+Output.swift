import NIOCore

extension STOMPSession {
    /// Encodes a frame with the session's version as a write action, and counts it.
    mutating func write(_ frame: STOMPFrame) -> Action {
        self.framesSent.add(frame.command)
        var buffer = ByteBuffer()
        frame.encode(version: self.version, into: &buffer)
        return .write(buffer)
    }

    /// The RECEIPT frames for receipts that are due, in order.
    mutating func receiptFrames(_ receipts: [String]) -> [Action] {
        receipts.map { self.write(STOMPFrame(.receipt, headers: ["receipt-id": $0])) }
    }
}
