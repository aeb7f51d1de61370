extension HeaderEscaping {
    /// Decodes a header name or value as received on the wire.
    ///
    /// - Parameters:
    ///   - bytes: The escaped bytes, without the line's EOL.
    /// - Returns: The unescaped text.
    /// - Throws: ``STOMPProtocolError/invalidEscape(_:)`` for an escape this version does not
    ///   define (or a trailing backslash), ``STOMPProtocolError/invalidUTF8`` for bytes that
    ///   are not UTF-8.
    func decode(_ bytes: UnsafeRawBufferPointer) throws(STOMPProtocolError) -> String {
        guard self != .none, bytes.contains(Self.backslash) else {
            return try Self.text(UTF8Bytes.string(bytes))
        }
        var decoded: [UInt8] = []
        decoded.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            guard bytes[index] == Self.backslash else {
                decoded.append(bytes[index])
                index += 1
                continue
            }
            let letterIndex = index + 1
            guard letterIndex < bytes.endIndex, let byte = self.byte(unescaping: bytes[letterIndex]) else {
                throw .invalidEscape(String(decoding: bytes[index..<min(letterIndex + 1, bytes.endIndex)], as: UTF8.self))
            }
            decoded.append(byte)
            index = letterIndex + 1
        }
        return try Self.text(decoded.withUnsafeBytes { UTF8Bytes.string($0) })
    }

    /// The decoded text, or ``STOMPProtocolError/invalidUTF8`` when the bytes were not UTF-8.
    private static func text(_ string: String?) throws(STOMPProtocolError) -> String {
        guard let string else {
            throw .invalidUTF8
        }
        return string
    }
}
