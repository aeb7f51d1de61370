import PostgresTestSupport
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

    /// Random byte strings, mostly near-UTF-8 (lead bytes, continuation bytes, ASCII), against
    /// the standard library's validator.
    @Test(arguments: [1, 2, 3] as [UInt64])
    func agreesWithTheStandardLibraryOnRandomBytes(seed: UInt64) {
        var generator = SeededGenerator(seed: seed)
        let interesting: [UInt8] = [0x41, 0x7F, 0x80, 0xBF, 0xC0, 0xC2, 0xDF, 0xE0, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF]
        for _ in 0..<5_000 {
            let count = Int.random(in: 0...12, using: &generator)
            let bytes = (0..<count).map { _ in
                Bool.random(using: &generator)
                    ? interesting.randomElement(using: &generator)!
                    : UInt8.random(in: 0...255, using: &generator)
            }
            let expected = String(validating: bytes, as: UTF8.self)
            let text = bytes.withUnsafeBytes { UTF8Bytes.string($0) }
            #expect(text == expected, "bytes \(bytes)")
            #expect(bytes.withUnsafeBytes { UTF8Bytes.isValid($0) } == (expected != nil), "bytes \(bytes)")
        }
    }
}
