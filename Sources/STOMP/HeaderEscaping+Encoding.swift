import NIOCore

extension HeaderEscaping {
    /// Writes a header name or value, escaped, into a buffer.
    ///
    /// - Parameters:
    ///   - text: The unescaped name or value.
    ///   - buffer: The buffer to append to.
    package func write(_ text: String, into buffer: inout ByteBuffer) {
        guard self != .none, text.utf8.contains(where: { self.letter(escaping: $0) != nil }) else {
            buffer.writeString(text)
            return
        }
        for byte in text.utf8 {
            if let letter = self.letter(escaping: byte) {
                buffer.writeInteger(Self.backslash)
                buffer.writeInteger(letter)
            } else {
                buffer.writeInteger(byte)
            }
        }
    }
}
