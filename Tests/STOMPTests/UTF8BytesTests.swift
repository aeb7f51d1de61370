@testable import STOMP
import Testing

/// The one UTF-8 test, for header text and WebSocket message kinds.
@Suite struct UTF8BytesTests {
    @Test(arguments: [
        ([UInt8]("MESSAGE\ndestination:/topic/a\n\n{\"a\":1}\u{0}".utf8), true),
        ([UInt8]("żółw ✓ 🐢, in the ninth byte or later\u{0}".utf8), true),
        ([0xEF, 0xBF, 0xBD], true),  // U+FFFD itself, what decoding puts for bad bytes
        ([0x41, 0x42, 0xFF, 0x00], false),
        ([0x41, 0x42, 0x43, 0x44, 0x45, 0x46, 0x47, 0x48, 0xC3], false),
        ([0x41, 0x42, 0x43, 0x44, 0x45, 0x46, 0x47, 0x48, 0xC3, 0xA9], true),
        ([0xE0, 0x80, 0x80], false),  // overlong: three bytes repaired as three bytes of U+FFFD
        ([0xED, 0xA0, 0x80], false),  // a surrogate
        ([0xF4, 0x90, 0x80, 0x80], false),  // past U+10FFFF
        ([0xC3, 0x28], false),
        ([UInt8](), true),
    ])
    func bytesAreTextExactlyWhenTheyAreUTF8(bytes: [UInt8], valid: Bool) {
        #expect(bytes.withUnsafeBytes { UTF8Bytes.isValid($0) } == valid)
        let text = bytes.withUnsafeBytes { UTF8Bytes.string($0) }
        #expect(text.map { Array($0.utf8) } == (valid ? bytes : nil))
    }
}
