import NIOCore

extension STOMPFrame {
    private static let contentLengthName = "content-length"

    /// Writes the frame in wire format: command, headers, blank line, body, NUL.
    ///
    /// Header names and values are escaped for `version` (1.2: `\r \n : \`; 1.1:
    /// `\n : \`; 1.0 and handshake frames: nothing). The encoder owns `content-length`:
    /// every `content-length` header the frame has is written, in place, with the body's
    /// true length, and a frame with a non-empty body and no such header gets one after its
    /// other headers. Nothing else is added, reordered or dropped.
    ///
    /// ```swift
    /// var out = channel.allocator.buffer(capacity: 256)
    /// frame.encode(version: .v1_2, into: &out)
    /// ```
    ///
    /// - Parameters:
    ///   - version: The connection's negotiated version.
    ///   - buffer: The buffer to append the frame to.
    public func encode(version: STOMPVersion, into buffer: inout ByteBuffer) {
        let escaping = HeaderEscaping(version: version, command: self.command)
        let contentLength = String(self.body.readableBytes)
        buffer.reserveCapacity(minimumWritableBytes: self.estimatedEncodedSize)
        buffer.writeString(self.command.rawValue)
        buffer.writeInteger(UInt8(ascii: "\n"))
        var hasContentLength = false
        for (name, value) in self.headers {
            let isContentLength = name == Self.contentLengthName
            hasContentLength = hasContentLength || isContentLength
            Self.writeHeader(name: name, value: isContentLength ? contentLength : value, escaping: escaping, into: &buffer)
        }
        if !hasContentLength, self.body.readableBytes > 0 {
            Self.writeHeader(name: Self.contentLengthName, value: contentLength, escaping: escaping, into: &buffer)
        }
        buffer.writeInteger(UInt8(ascii: "\n"))
        buffer.writeImmutableBuffer(self.body)
        buffer.writeInteger(UInt8(0))
    }

    /// The encoded size when nothing needs escaping, to reserve capacity once.
    private var estimatedEncodedSize: Int {
        let headerBytes = self.headers.reduce(0) { $0 + $1.name.utf8.count + $1.value.utf8.count + 2 }
        let contentLengthHeader = 32
        return self.command.rawValue.utf8.count + headerBytes + contentLengthHeader + self.body.readableBytes + 3
    }

    /// Writes one header line, `name:value` and an EOL, escaped.
    ///
    /// - Parameters:
    ///   - name: The header name, unescaped.
    ///   - value: The header value, unescaped.
    ///   - escaping: The frame's escaping.
    ///   - buffer: The buffer to append to.
    package static func writeHeader(
        name: String,
        value: String,
        escaping: HeaderEscaping,
        into buffer: inout ByteBuffer
    ) {
        escaping.write(name, into: &buffer)
        buffer.writeInteger(UInt8(ascii: ":"))
        escaping.write(value, into: &buffer)
        buffer.writeInteger(UInt8(ascii: "\n"))
    }
}
