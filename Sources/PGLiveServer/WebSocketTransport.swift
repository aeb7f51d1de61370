import HummingbirdWebSocket
import NIOCore

/// STOMP over WebSocket: one frame per WebSocket message, text unless the frame is not
/// valid UTF-8.
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
            if let text = String(validating: bytes.readableBytesView, as: UTF8.self) {
                try await self.outbound.write(.text(text))
            } else {
                try await self.outbound.write(.binary(bytes))
            }
        }
    }

    func close() async {
        try? await self.outbound.close(.normalClosure, reason: nil)
    }
}
