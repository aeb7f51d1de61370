import NIOCore
import STOMP

/// Encodes STOMP frames as the server's WebSocket messages: one final, unmasked WebSocket
/// frame per STOMP frame, text unless its bytes are not UTF-8 (RFC 6455, section 5.2).
///
/// A drained batch becomes one buffer with the WebSocket headers written in place, written
/// below NIO's `WebSocketFrameEncoder`: one allocation and one pipeline write per batch
/// instead of a `WebSocketFrame`, its header buffer and a pipeline write per STOMP frame.
///
/// ```swift
/// let bytes = WebSocketMessages.encode(frames, allocator: channel.allocator)
/// ```
enum WebSocketMessages {
    /// The first header byte of a final text frame; a binary frame has opcode 2 instead of 1.
    static let finalText: UInt8 = 0x81
    /// The first header byte of a final binary frame.
    static let finalBinary: UInt8 = 0x82
    /// The longest header of an unmasked frame: 2 bytes plus a 64-bit length.
    static let maxHeaderLength = 10

    /// The WebSocket frames of `frames`, in order, in one buffer.
    ///
    /// - Parameters:
    ///   - frames: Whole STOMP frames.
    ///   - allocator: Allocates the buffer.
    static func encode(_ frames: [OutboundFrame], allocator: ByteBufferAllocator) -> ByteBuffer {
        let capacity = frames.reduce(0) { $0 + $1.byteCount + Self.maxHeaderLength }
        var buffer = allocator.buffer(capacity: capacity)
        for frame in frames {
            Self.append(frame, to: &buffer)
        }
        return buffer
    }

    /// Appends one STOMP frame as one WebSocket frame.
    private static func append(_ frame: OutboundFrame, to buffer: inout ByteBuffer) {
        let length = frame.byteCount
        let headerStart = buffer.writerIndex
        buffer.writeInteger(Self.finalText)
        switch length {
        case ..<126:
            buffer.writeInteger(UInt8(length))
        case ...Int(UInt16.max):
            buffer.writeInteger(UInt8(126))
            buffer.writeInteger(UInt16(length))
        default:
            buffer.writeInteger(UInt8(127))
            buffer.writeInteger(UInt64(length))
        }
        let payloadStart = buffer.writerIndex
        buffer.writeImmutableBuffer(frame.head)
        if let tail = frame.tail {
            buffer.writeImmutableBuffer(tail)
        }
        let text = buffer.withUnsafeReadableBytes { raw in
            UTF8Bytes.isValid(UnsafeRawBufferPointer(rebasing: raw[(payloadStart - buffer.readerIndex)...]))
        }
        if !text {
            buffer.setInteger(Self.finalBinary, at: headerStart)
        }
    }
}
