import NIOCore
import STOMP

extension STOMPFrame {
    /// The frame's wire bytes for `version`.
    func encoded(version: STOMPVersion) -> [UInt8] {
        var buffer = ByteBuffer()
        self.encode(version: version, into: &buffer)
        return Array(buffer.readableBytesView)
    }
}
