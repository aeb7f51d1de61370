import NIOCore
@testable import PGLiveServer
import Testing

/// Which STOMP frames go out as WebSocket text and which as binary.
@Suite struct WebSocketTransportTests {
    @Test(arguments: [
        ([UInt8]("MESSAGE\ndestination:/topic/a\n\n{\"a\":1}\u{0}".utf8), true),
        ([UInt8]("żółw ✓ 🐢, in the ninth byte or later\u{0}".utf8), true),
        ([0x41, 0x42, 0xFF, 0x00], false),
        ([0x41, 0x42, 0x43, 0x44, 0x45, 0x46, 0x47, 0x48, 0xC3], false),
        ([0x41, 0x42, 0x43, 0x44, 0x45, 0x46, 0x47, 0x48, 0xC3, 0xA9], true),
        ([UInt8](), true),
    ])
    func framesAreTextExactlyWhenTheyAreUTF8(bytes: [UInt8], text: Bool) {
        #expect(WebSocketTransport.isUTF8(ByteBuffer(bytes: bytes)) == text)
    }
}
