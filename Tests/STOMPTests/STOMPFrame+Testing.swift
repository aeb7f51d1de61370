import NIOCore
import STOMP

extension STOMPFrame {
    /// A frame with a text body.
    init(_ command: STOMPCommand, headers: STOMPHeaders = [:], text: String) {
        self.init(command, headers: headers, body: ByteBuffer(string: text))
    }

    /// The frame's wire bytes for `version`.
    func encoded(version: STOMPVersion = .v1_2) -> [UInt8] {
        var buffer = ByteBuffer()
        self.encode(version: version, into: &buffer)
        return Array(buffer.readableBytesView)
    }

    /// The frame's wire form as text, for frames whose body is UTF-8.
    func encodedText(version: STOMPVersion = .v1_2) -> String {
        String(decoding: self.encoded(version: version), as: UTF8.self)
    }
}
