import NIOCore

extension STOMPParser {
    private static let newline = UInt8(ascii: "\n")
    private static let carriageReturn = UInt8(ascii: "\r")
    private static let null: UInt8 = 0

    /// Reads the next line once its EOL has arrived, consuming it.
    ///
    /// - Parameters:
    ///   - limit: The limit on the line's length, EOL excluded.
    /// - Returns: The line without `\n` or `\r\n`, or `nil` when its EOL has not arrived.
    /// - Throws: ``STOMPProtocolError/limitExceeded(_:maximum:)`` as soon as the line is
    ///   longer than the limit, whether or not its EOL has arrived.
    mutating func readLine(limit: STOMPLimit) throws(STOMPProtocolError) -> ByteBuffer? {
        let maximum = self.limits.maximum(for: limit)
        guard let newlineOffset = self.scan(for: Self.newline) else {
            // One byte more than the limit may still be the `\r` of a `\r\n`.
            guard self.buffer.readableBytes <= maximum + 1 else {
                throw .limitExceeded(limit, maximum: maximum)
            }
            return nil
        }
        let start = self.buffer.readerIndex
        let endsWithCarriageReturn =
            newlineOffset > 0 && self.buffer.getInteger(at: start + newlineOffset - 1) == Self.carriageReturn
        let length = endsWithCarriageReturn ? newlineOffset - 1 : newlineOffset
        guard length <= maximum else {
            throw .limitExceeded(limit, maximum: maximum)
        }
        let line = self.buffer.getSlice(at: start, length: length)!
        self.buffer.moveReaderIndex(forwardBy: newlineOffset + 1)
        return line
    }

    /// Reads the body and its NUL once they have arrived, consuming both.
    ///
    /// - Parameters:
    ///   - contentLength: The length from `content-length`, or `nil` to read up to the
    ///     first NUL.
    /// - Returns: The body, or `nil` when it has not fully arrived.
    /// - Throws: ``STOMPProtocolError/missingNullAfterBody`` when the byte after a
    ///   `content-length` body is not NUL, or ``STOMPProtocolError/limitExceeded(_:maximum:)``
    ///   as soon as a NUL-terminated body is longer than the limit.
    mutating func readBody(contentLength: Int?) throws(STOMPProtocolError) -> ByteBuffer? {
        let length: Int
        if let contentLength {
            guard self.buffer.readableBytes > contentLength else {
                return nil
            }
            guard self.buffer.getInteger(at: self.buffer.readerIndex + contentLength) == Self.null else {
                throw .missingNullAfterBody
            }
            length = contentLength
        } else {
            let maximum = self.limits.maxBodySize
            guard let nullOffset = self.scan(for: Self.null) else {
                guard self.buffer.readableBytes <= maximum else {
                    throw .limitExceeded(.bodySize, maximum: maximum)
                }
                return nil
            }
            guard nullOffset <= maximum else {
                throw .limitExceeded(.bodySize, maximum: maximum)
            }
            length = nullOffset
        }
        let body = self.buffer.readSlice(length: length)!
        self.buffer.moveReaderIndex(forwardBy: 1)
        return body
    }

    /// Finds `byte` in the readable bytes, searching only bytes not searched before.
    ///
    /// - Parameters:
    ///   - byte: The byte that ends the current line or body.
    /// - Returns: Its offset from the reader index, or `nil` when it has not arrived. A found
    ///   byte resets the search for the next line or body, which starts after it.
    private mutating func scan(for byte: UInt8) -> Int? {
        let start = self.scannedByteCount
        let offset = self.buffer.withUnsafeReadableBytes { $0[start...].firstIndex(of: byte) }
        self.scannedByteCount = offset == nil ? self.buffer.readableBytes : 0
        return offset
    }
}
