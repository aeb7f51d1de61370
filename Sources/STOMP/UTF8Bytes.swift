/// The one test of whether bytes are UTF-8, for header text and for choosing a WebSocket
/// message's kind.
///
/// `String(validating:as:)` is not specialised for raw bytes: it looked up generic metadata
/// on every call, 17% of the load generator's CPU at saturation (`Benchmarks/RESULTS.md`).
/// Decoding instead replaces each invalid sequence with U+FFFD, so the bytes are valid
/// UTF-8 exactly when the decoded text spells them unchanged.
package enum UTF8Bytes {
    /// The text the bytes spell, or `nil` when they are not valid UTF-8.
    ///
    /// - Parameters:
    ///   - bytes: The bytes, e.g. a header name or value without escapes.
    package static func string(_ bytes: UnsafeRawBufferPointer) -> String? {
        let string = String(decoding: bytes, as: UTF8.self)
        let unchanged =
            string.utf8.withContiguousStorageIfAvailable { UnsafeRawBufferPointer($0).elementsEqual(bytes) }
            ?? string.utf8.elementsEqual(bytes)
        return unchanged ? string : nil
    }

    /// Whether the bytes are valid UTF-8: ASCII checked 8 bytes at a time, else decoded.
    ///
    /// - Parameters:
    ///   - bytes: The bytes, e.g. a STOMP frame.
    package static func isValid(_ bytes: UnsafeRawBufferPointer) -> Bool {
        var index = 0
        let wordSize = MemoryLayout<UInt64>.size
        while index + wordSize <= bytes.count {
            if bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 {
                return Self.string(bytes) != nil
            }
            index += wordSize
        }
        while index < bytes.count {
            if bytes[index] & 0x80 != 0 {
                return Self.string(bytes) != nil
            }
            index += 1
        }
        return true
    }
}
