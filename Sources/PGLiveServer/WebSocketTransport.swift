import HummingbirdWebSocket
import NIOCore
import NIOWebSocket

/// STOMP over WebSocket: one frame per WebSocket message, text unless the frame is not
/// valid UTF-8.
///
/// Frames go out as they are (`.custom` WebSocket frames over the frame's own bytes): no
/// `String` is built and copied back into a buffer, and the common all-ASCII frame is
/// classified by one pass over its bytes.
struct WebSocketTransport: FrameTransport {
    static let name = "websocket"

    /// The connection's writer.
    let outbound: WebSocketOutboundWriter

    func write(_ frames: [OutboundFrame]) async throws {
        for frame in frames {
            var bytes = frame.head
            if var tail = frame.tail {
                bytes.writeBuffer(&tail)
            }
            let opcode: WebSocketOpcode = Self.isUTF8(bytes) ? .text : .binary
            try await self.outbound.write(.custom(WebSocketFrame(fin: true, opcode: opcode, data: bytes)))
        }
    }

    func close() async {
        try? await self.outbound.close(.normalClosure, reason: nil)
    }

    /// Whether a frame may go as a text message: ASCII (checked 8 bytes at a time), or
    /// else valid UTF-8.
    static func isUTF8(_ bytes: ByteBuffer) -> Bool {
        let ascii = bytes.withUnsafeReadableBytes { raw -> Bool in
            var index = 0
            let wordSize = MemoryLayout<UInt64>.size
            while index + wordSize <= raw.count {
                if raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return false }
                index += wordSize
            }
            while index < raw.count {
                if raw[index] & 0x80 != 0 { return false }
                index += 1
            }
            return true
        }
        return ascii || String(validating: bytes.readableBytesView, as: UTF8.self) != nil
    }
}
