import HummingbirdWebSocket
import NIOCore
import NIOWebSocket

/// STOMP over WebSocket: one frame per WebSocket message, text unless the frame is not
/// valid UTF-8.
///
/// A drained batch goes to the channel in one event-loop turn with one flush, as on the
/// TCP endpoint; Hummingbird's writer (which flushes after every frame) is used only to
/// close. Frames are written as they are, no `String` built from them, and the common
/// all-ASCII frame is classified text by one pass over its bytes.
struct WebSocketTransport: FrameTransport {
    static let name = "websocket"

    /// Hummingbird's writer for the connection, for the close handshake.
    let outbound: WebSocketOutboundWriter
    /// The connection's channel; its pipeline encodes `WebSocketFrame`s.
    let channel: any Channel

    func write(_ frames: [OutboundFrame]) async throws {
        guard !frames.isEmpty else { return }
        let messages = frames.map { frame -> WebSocketFrame in
            var bytes = frame.head
            if var tail = frame.tail {
                bytes.writeBuffer(&tail)
            }
            return WebSocketFrame(fin: true, opcode: Self.isUTF8(bytes) ? .text : .binary, data: bytes)
        }
        let channel = self.channel
        let written = channel.eventLoop.makePromise(of: Void.self)
        channel.eventLoop.execute {
            for message in messages.dropLast() {
                channel.write(message, promise: nil)
            }
            channel.writeAndFlush(messages[messages.count - 1], promise: written)
        }
        try await written.futureResult.get()
    }

    func close() async {
        try? await self.outbound.close(.normalClosure, reason: nil)
    }

    func abort() async {
        try? await self.channel.close()
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
